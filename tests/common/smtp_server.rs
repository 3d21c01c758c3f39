//! The real SMTP server the client integration tests talk to: `tests/smtp_server.py` (aiosmtpd)
//! on 127.0.0.1, started per test in a mode, and a port where nothing listens. Shared by
//! `tests/lettre.rs`, `tests/mail_send.rs` and `tests/async_smtp.rs`.

#![allow(dead_code)]

use std::io::{self, BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A running `tests/smtp_server.py`, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    /// Starts the server in `mode` on a free port and waits until it listens.
    pub fn start(mode: &str) -> Server {
        let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_server.py");
        let child = Command::new(&python)
            .args([script, "--mode", mode])
            .stdin(Stdio::piped()) // the server exits when this pipe closes
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
        let mut server = Server { child, port: 0 };
        let stdout = server.child.stdout.take().expect("piped stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
        server.port =
            line.strip_prefix("LISTENING ").and_then(|port| port.trim().parse().ok()).unwrap_or_else(|| {
                panic!(
                    "tests/smtp_server.py --mode {mode} did not start (is aiosmtpd installed? \
                     `{python} -m pip install 'aiosmtpd>=1.4,<2'`); it printed {line:?}"
                )
            });
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port on 127.0.0.1 where nothing listens.
///
/// Dropping a listener is not enough: a server that another test spawns at that moment holds a
/// copy of the listening socket between its fork and its exec, and a connection made then is
/// accepted into the backlog and reset when the copy closes ("Connection reset by peer"). Once
/// a connection is refused, the socket is closed for good and no later spawn can inherit it.
pub fn closed_port() -> u16 {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        listener.local_addr().expect("address").port()
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => return port,
            _ if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            other => panic!("127.0.0.1:{port} still accepts connections: {other:?}"),
        }
    }
}
