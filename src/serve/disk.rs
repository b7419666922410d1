//! The built site's files as `ServeDir` reads them: never a file outside
//! the output, and small files from memory while they are unchanged.
//!
//! `ServeDir` already refuses `..`; this refuses symbolic links in the
//! output that lead out of it. Calls are made on the answering thread, as
//! nginx does, not on tokio's blocking pool: a site's files are small and
//! in the page cache, and each trip to the pool (tokio::fs makes one per
//! call, `ServeDir` four per page) cost more than the work: a page took
//! 0.22 ms (median, one connection) where nginx took 0.07.
//!
//! A file up to [`KEEP_BYTES`] is kept in memory once read (unless it
//! changed in the last seconds), with the identity and times of the file
//! it came from; an answer from memory
//! costs one `stat` of the path, which sees any change (a rebuild writes
//! new files, a link pointed elsewhere leads to another file), where
//! reading again took five more calls. Larger files up to [`READ_WHOLE`]
//! are read at once; larger ones (videos, PDFs) are streamed through the
//! pool.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};
use std::time::SystemTime;

use tokio::io::{AsyncRead, AsyncSeek, ReadBuf};
use tower_http::services::fs::{Backend, File};

/// Files up to this size are read into memory in one call when opened.
pub const READ_WHOLE: u64 = 1024 * 1024;
/// Files up to this size are kept in memory while unchanged.
pub const KEEP_BYTES: u64 = 256 * 1024;
/// Bytes kept at most; past it the memory starts again empty.
pub const KEEP_TOTAL: usize = 64 * 1024 * 1024;

#[derive(Clone)]
pub struct InsideRoot {
    root: Arc<PathBuf>,
    /// The root's real path as last resolved. A fast path only: a file
    /// that seems outside it is checked again against the root resolved
    /// anew, since the root may be a link that a deployment points at a
    /// new build.
    real_root: Arc<RwLock<PathBuf>>,
    kept: Arc<RwLock<Kept>>,
}

/// Small files read before, by the path they were asked for.
#[derive(Default)]
struct Kept {
    files: HashMap<PathBuf, (Identity, Arc<[u8]>)>,
    bytes: usize,
}

/// What tells one file, or one version of it, from another.
#[derive(PartialEq, Eq, Clone, Copy)]
struct Identity {
    device: u64,
    inode: u64,
    len: u64,
    modified: Option<SystemTime>,
    changed: (i64, i64),
}

impl Identity {
    #[cfg(unix)]
    fn of(metadata: &std::fs::Metadata) -> Identity {
        use std::os::unix::fs::MetadataExt as _;
        Identity {
            device: metadata.dev(),
            inode: metadata.ino(),
            len: metadata.len(),
            modified: metadata.modified().ok(),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
        }
    }

    #[cfg(not(unix))]
    fn of(metadata: &std::fs::Metadata) -> Identity {
        Identity { device: 0, inode: 0, len: metadata.len(), modified: metadata.modified().ok(), changed: (0, 0) }
    }
}

impl Identity {
    /// Whether the file last changed long enough ago that a change now
    /// would show in its times: they tick coarsely (a few milliseconds),
    /// so a file written twice in one tick looks unchanged. Git calls such
    /// entries "racily clean" and checks them again; here they are not kept.
    fn settled(&self) -> bool {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        #[cfg(unix)]
        let changed = self.changed.0;
        #[cfg(not(unix))]
        let changed = self
            .modified
            .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(now, |d| d.as_secs() as i64);
        now - changed >= 2
    }
}

impl InsideRoot {
    pub fn new(root: &Path) -> InsideRoot {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        InsideRoot { root: Arc::new(root.to_path_buf()), real_root: Arc::new(RwLock::new(real)), kept: Arc::default() }
    }

    fn open_inside(&self, path: &Path) -> io::Result<Opened> {
        if let Some(opened) = self.kept_copy(path) {
            return Ok(opened);
        }
        let mut file = match open_beneath(&self.root, path)? {
            Some(file) => file,
            None => {
                let file = open_for_reading(path)?;
                if !self.holds(&real_path(&file, path)?)? {
                    return Err(io::Error::from(io::ErrorKind::NotFound));
                }
                file
            }
        };
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        if metadata.len() > READ_WHOLE {
            return Ok(Opened { content: Content::Streamed(tokio::fs::File::from_std(file)), metadata });
        }
        // In one call (`read_to_end` reads 8 KB first). A build replaces
        // files whole, never shortens one in place.
        let mut bytes = vec![0; metadata.len() as usize];
        io::Read::read_exact(&mut file, &mut bytes)?;
        let bytes: Arc<[u8]> = bytes.into();
        let identity = Identity::of(&metadata);
        if metadata.len() <= KEEP_BYTES && identity.settled() {
            self.keep(path, identity, bytes.clone());
        }
        Ok(Opened { content: Content::Read(io::Cursor::new(bytes)), metadata })
    }

    /// The file from memory if the path still leads to the very file that
    /// was read (same device, inode, length and times).
    fn kept_copy(&self, path: &Path) -> Option<Opened> {
        let kept = self.kept.read().unwrap_or_else(|e| e.into_inner());
        let (identity, bytes) = kept.files.get(path)?;
        let metadata = std::fs::metadata(path).ok()?;
        (Identity::of(&metadata) == *identity)
            .then(|| Opened { content: Content::Read(io::Cursor::new(bytes.clone())), metadata })
    }

    fn keep(&self, path: &Path, identity: Identity, bytes: Arc<[u8]>) {
        let mut kept = self.kept.write().unwrap_or_else(|e| e.into_inner());
        if kept.bytes + bytes.len() > KEEP_TOTAL {
            *kept = Kept::default();
        }
        kept.bytes += bytes.len();
        if let Some((_, old)) = kept.files.insert(path.to_path_buf(), (identity, bytes)) {
            kept.bytes -= old.len();
        }
    }

    /// Whether `real` (a real path) lies in the root.
    fn holds(&self, real: &Path) -> io::Result<bool> {
        if real.starts_with(&*self.real_root.read().unwrap_or_else(|e| e.into_inner())) {
            return Ok(true);
        }
        let now = std::fs::canonicalize(self.root.as_path())?;
        let inside = real.starts_with(&now);
        *self.real_root.write().unwrap_or_else(|e| e.into_inner()) = now;
        Ok(inside)
    }
}

impl Backend for InsideRoot {
    type File = Opened;
    type Metadata = std::fs::Metadata;
    type OpenFuture = std::future::Ready<io::Result<Opened>>;
    type MetadataFuture = std::future::Ready<io::Result<std::fs::Metadata>>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        std::future::ready(self.open_inside(&path))
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        std::future::ready(std::fs::metadata(path))
    }
}

/// Opens `path` if the kernel can see to it that it lies beneath `root`
/// (Linux 5.6's openat2: two calls, where resolving the file's real path
/// took a quarter of a page's time). `None` when it cannot tell: an
/// older kernel, or an absolute link, which the caller checks the slow way.
#[cfg(target_os = "linux")]
fn open_beneath(root: &Path, path: &Path) -> io::Result<Option<std::fs::File>> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    let Ok(relative) = path.strip_prefix(root) else { return Ok(None) };
    let dir = rustix::fs::open(root, OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    match rustix::fs::openat2(&dir, relative, flags, Mode::empty(), ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS)
    {
        Ok(fd) => Ok(Some(std::fs::File::from(fd))),
        // Leaves the root, or a kernel (or sandbox) without openat2.
        Err(rustix::io::Errno::XDEV | rustix::io::Errno::NOSYS | rustix::io::Errno::PERM) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn open_beneath(_: &Path, _: &Path) -> io::Result<Option<std::fs::File>> {
    Ok(None)
}

/// Opens without waiting: a named pipe in the output must not hold a
/// server thread (it is refused once opened, as not a file).
#[cfg(target_os = "linux")]
fn open_for_reading(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_for_reading(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Where an opened file really is, links resolved: on Linux one call on
/// the open file (no race with a link changed meanwhile), elsewhere by
/// resolving its path.
#[cfg(target_os = "linux")]
fn real_path(file: &std::fs::File, path: &Path) -> io::Result<PathBuf> {
    use std::os::fd::AsRawFd as _;
    std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).or_else(|_| std::fs::canonicalize(path))
}

#[cfg(not(target_os = "linux"))]
fn real_path(_: &std::fs::File, path: &Path) -> io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// A file opened by [`InsideRoot`], with its metadata as of opening.
pub struct Opened {
    content: Content,
    metadata: std::fs::Metadata,
}

enum Content {
    Read(io::Cursor<Arc<[u8]>>),
    Streamed(tokio::fs::File),
}

impl AsyncRead for Opened {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).poll_read(cx, buf),
            Content::Streamed(file) => Pin::new(file).poll_read(cx, buf),
        }
    }
}

impl AsyncSeek for Opened {
    fn start_seek(mut self: Pin<&mut Self>, position: io::SeekFrom) -> io::Result<()> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).start_seek(position),
            Content::Streamed(file) => Pin::new(file).start_seek(position),
        }
    }

    fn poll_complete(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        match &mut self.content {
            Content::Read(bytes) => Pin::new(bytes).poll_complete(cx),
            Content::Streamed(file) => Pin::new(file).poll_complete(cx),
        }
    }
}

impl File for Opened {
    type Metadata = std::fs::Metadata;
    type MetadataFuture<'a> = std::future::Ready<io::Result<std::fs::Metadata>>;

    fn metadata(&self) -> Self::MetadataFuture<'_> {
        std::future::ready(Ok(self.metadata.clone()))
    }
}
