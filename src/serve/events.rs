//! Live reload's events, as server-sent events on `/_signpost/events`.
//!
//! [`Hub`] is shared with the watcher thread and waits with a condition
//! variable; one thread relays its events into a broadcast channel that
//! every open page's stream reads, so an open page costs no thread.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{self, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::{broadcast, watch};

use crate::live::{Event, Hub};

pub struct Events {
    hub: Arc<Hub>,
    relayed: broadcast::Sender<Event>,
    /// Turns true when the server stops: every stream ends.
    stopping: watch::Receiver<bool>,
}

impl Events {
    /// Starts relaying `hub`'s events.
    pub fn start(hub: Arc<Hub>, stopping: watch::Receiver<bool>) -> Events {
        let (relayed, _) = broadcast::channel(16);
        let sender = relayed.clone();
        let from = hub.clone();
        std::thread::spawn(move || {
            let (mut seen, _) = from.current();
            loop {
                if let Some((number, event)) = from.wait(seen, Duration::from_secs(60)) {
                    seen = number;
                    // No page open: nobody to tell.
                    let _ = sender.send(event);
                }
            }
        });
        Events { hub, relayed, stopping }
    }
}

/// An error still standing at once, then each event, with a comment every
/// 15 s so that proxies keep the stream open.
pub async fn stream(State(events): State<Arc<Events>>) -> Sse<impl Stream<Item = Result<sse::Event, Infallible>>> {
    // Subscribed before the standing error is read: an event in between is
    // sent twice rather than lost.
    let receiver = events.relayed.subscribe();
    let (_, standing) = events.hub.current();
    let state = (standing, receiver, events.stopping.clone());
    let stream = futures_util::stream::unfold(state, |(standing, mut receiver, mut stopping)| async move {
        if let Some(event) = standing {
            return Some((Ok(message(&event)), (None, receiver, stopping)));
        }
        loop {
            let received = tokio::select! {
                received = receiver.recv() => received,
                _ = stopping.wait_for(|stop| *stop) => return None,
            };
            match received {
                Ok(event) => return Some((Ok(message(&event)), (None, receiver, stopping))),
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)).text("still here"))
}

fn message(event: &Event) -> sse::Event {
    sse::Event::default().data(serde_json::to_string(event).unwrap_or_default())
}
