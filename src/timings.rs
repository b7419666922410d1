//! `signpost build --timings`: each stage's wall time and the CPU time the
//! process spent in it (user + system, all threads), so that a stage's
//! share of a build's CPU can be read off one run. While timing, render and
//! index run one after the other instead of side by side: the process's
//! CPU time can then be given to one stage at a time.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One stage's times.
#[derive(Debug, Clone)]
pub struct StageTime {
    pub stage: &'static str,
    pub wall: Duration,
    /// `None` where the platform gives no process CPU time.
    pub cpu: Option<Duration>,
}

/// The stages timed so far; does nothing unless on.
#[derive(Debug, Default)]
pub struct Timings {
    on: bool,
    stages: Mutex<Vec<StageTime>>,
}

impl Timings {
    pub fn new(on: bool) -> Timings {
        Timings { on, stages: Mutex::default() }
    }

    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Runs `work` as the stage `stage`.
    pub fn stage<T>(&self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        if !self.on {
            return work();
        }
        let (wall, cpu) = (Instant::now(), process_cpu());
        let result = work();
        let cpu = process_cpu().zip(cpu).map(|(after, before)| after.saturating_sub(before));
        let time = StageTime { stage, wall: wall.elapsed(), cpu };
        self.stages.lock().unwrap_or_else(|e| e.into_inner()).push(time);
        result
    }

    pub fn into_stages(self) -> Vec<StageTime> {
        self.stages.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// The stages as `--timings` prints them: wall, CPU and each stage's share
/// of the CPU time of all stages.
pub fn table(stages: &[StageTime]) -> String {
    let total_cpu: Duration = stages.iter().filter_map(|s| s.cpu).sum();
    let total_wall: Duration = stages.iter().map(|s| s.wall).sum();
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    let mut out = format!("{:<12} {:>10} {:>10} {:>6}\n", "stage", "wall ms", "cpu ms", "cpu %");
    for s in stages {
        let share = s
            .cpu
            .filter(|_| !total_cpu.is_zero())
            .map_or("-".to_string(), |c| format!("{:.1}", 100.0 * c.as_secs_f64() / total_cpu.as_secs_f64()));
        let cpu = s.cpu.map_or("-".to_string(), ms);
        out.push_str(&format!("{:<12} {:>10} {:>10} {:>6}\n", s.stage, ms(s.wall), cpu, share));
    }
    out.push_str(&format!("{:<12} {:>10} {:>10}\n", "total", ms(total_wall), ms(total_cpu)));
    out
}

/// User and system CPU time of the whole process so far.
#[cfg(target_os = "linux")]
fn process_cpu() -> Option<Duration> {
    // SAFETY: getrusage fills the struct it is given and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        (libc::getrusage(libc::RUSAGE_SELF, &mut usage) == 0).then_some(usage)
    }?;
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32) * 1000);
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

#[cfg(not(target_os = "linux"))]
fn process_cpu() -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_recorded_only_when_on() {
        let off = Timings::new(false);
        assert_eq!(off.stage("parse", || 2), 2);
        assert!(off.into_stages().is_empty());
        let on = Timings::new(true);
        on.stage("parse", || (0..2_000_000u64).map(|i| i % 7).sum::<u64>());
        let stages = on.into_stages();
        assert_eq!(stages.len(), 1);
        assert_eq!(stages[0].stage, "parse");
        let table = table(&stages);
        assert!(table.starts_with("stage") && table.contains("\nparse ") && table.contains("\ntotal "), "{table}");
    }
}
