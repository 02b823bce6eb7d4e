//! Starting and stopping: bind an address, serve the router until Ctrl-C
//! (or SIGTERM), then let requests in flight finish.
//!
//! The runtime is tokio's multi-threaded one, built here so that callers
//! (the synchronous CLI) need no async code. This module does not parse
//! command lines or read the environment: the CLI fills a [`Config`].

use std::net::SocketAddr;

use crate::error::{Error, Result};
use crate::{AppState, Catalog, router};

/// How to run `dateline serve`.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (`127.0.0.1:8080` by default; port 0 picks a free one).
    pub addr: SocketAddr,
    /// The database: a SQLite file path, a `sqlite:` or a `postgres://` URL.
    pub db: String,
    /// The bearer token writes must carry; `None` refuses every write.
    pub token: Option<String>,
    /// Database connections for concurrent reads (at least one).
    pub connections: usize,
}

impl Config {
    /// Serving `db` on `127.0.0.1:8080`, read-only, with four connections.
    pub fn new(db: impl Into<String>) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: db.into(),
            token: None,
            connections: 4,
        }
    }
}

/// A bound server, not yet answering: [`Server::local_addr`] tells where it
/// listens (useful with port 0), [`Server::run`] serves.
#[derive(Debug)]
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    addr: SocketAddr,
    state: AppState,
}

impl Server {
    /// Builds the runtime and binds `addr`.
    pub fn bind(addr: SocketAddr, state: AppState) -> Result<Server> {
        let io = |source| Error::Io {
            addr: addr.to_string(),
            source,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(io)?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(addr))
            .map_err(io)?;
        let addr = listener.local_addr().map_err(io)?;
        Ok(Server {
            runtime,
            listener,
            addr,
            state,
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until Ctrl-C or SIGTERM, waits for requests in flight, then
    /// saves the linker's state.
    pub fn run(self) -> Result<()> {
        let Server {
            runtime,
            listener,
            addr,
            state,
        } = self;
        let app = router(state.clone());
        runtime
            .block_on(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(shutdown_signal())
                    .await
            })
            .map_err(|source| Error::Io {
                addr: addr.to_string(),
                source,
            })?;
        Ok(state.finish()?)
    }
}

/// Resolves on Ctrl-C, or SIGTERM on Unix. If a handler cannot be
/// installed, that signal is simply not awaited (the process can still be
/// killed).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// `dateline serve`: opens the database, binds `config.addr` and serves
/// until Ctrl-C. To print the bound address first, use [`Server::bind`],
/// [`Server::local_addr`] and [`Server::run`].
pub fn serve(config: Config) -> Result<()> {
    let catalog = Catalog::open(&config.db, config.connections)?;
    Server::bind(config.addr, AppState::new(catalog, config.token))?.run()
}
