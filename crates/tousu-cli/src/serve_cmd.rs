//! `tousu serve`: the HTTP/JSON service over the store (docs/serve.md).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use tousu_serve::ApiError;
use tousu_serve::http::Config;

use crate::cases_cmd::StoreArgs;

/// `tousu serve`.
#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Where to listen (loopback by default; put a TLS proxy in front to serve others)
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// A file holding the bearer token every request must carry (or set TOUSU_TOKEN)
    #[arg(long, value_name = "FILE")]
    token_file: Option<String>,
    /// The largest request body accepted, bytes
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    body_limit: usize,
    /// Tick the due cases this often at the wall clock's now: 30s, 5m, 1h (default: never)
    #[arg(long, value_name = "DURATION", value_parser = every)]
    tick_every: Option<Duration>,
    /// Errors as a JSON document on standard output
    #[arg(long)]
    json: bool,
}

/// `30s`, `5m`, `1h` or a number of seconds.
fn every(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, "s"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration; use e.g. 30s, 5m, 1h"))?;
    let seconds = match unit {
        "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        _ => None,
    }
    .filter(|s| *s > 0)
    .ok_or_else(|| format!("{text:?} is not a duration; use e.g. 30s, 5m, 1h (more than 0)"))?;
    Ok(Duration::from_secs(seconds))
}

fn token(args: &ServeArgs) -> Result<Option<String>, ApiError> {
    if let Some(file) = &args.token_file {
        let text = std::fs::read_to_string(file)
            .map_err(|e| ApiError::invalid(e.to_string()).at(file.clone()))?;
        let token = text.trim().to_owned();
        if token.is_empty() {
            return Err(ApiError::invalid("the token file is empty").at(file.clone()));
        }
        return Ok(Some(token));
    }
    Ok(std::env::var("TOUSU_TOKEN").ok().filter(|t| !t.is_empty()))
}

/// `tousu serve`.
pub(crate) fn serve(args: &ServeArgs) -> ExitCode {
    tousu_serve::init_logging();
    let done = token(args).and_then(|token| {
        let config = Config {
            bind: args.bind,
            token,
            body_limit: args.body_limit,
            tick_every: args.tick_every,
        };
        let store = args.store.clone();
        tousu_serve::http::run(&config, move || store.open())
    });
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => crate::fail("serve", &e, args.json),
    }
}
