use clap::Parser;

#[tokio::main]
async fn main() {
    // RUST_LOG overrides the level (e.g. RUST_LOG=debug); the default says what an operator needs to see.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = aduan_server::Cli::parse();
    let result = match cli.command {
        Some(aduan_server::Command::CreateAdmin(args)) => create_admin(&args),
        None => aduan_server::run(cli.config).await,
    };
    if let Err(e) = result {
        tracing::error!("aduan-server: {e}");
        std::process::exit(1);
    }
}

/// The password comes from the environment or standard input: a command line is visible to every user of the
/// machine (`ps`) and kept in shell histories.
fn create_admin(args: &aduan_server::CreateAdmin) -> Result<(), String> {
    let password = match std::env::var("ADUAN_ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => {
            use std::io::{BufRead, IsTerminal};
            let refused = |e: std::io::Error| format!("cannot read the password: {e}");
            tracing::info!("reading the new password from standard input (one line)");
            if std::io::stdin().is_terminal() {
                // Typed at a terminal: without echo (rpassword), so that it is not left on the screen.
                rpassword::read_password().map_err(refused)?
            } else {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).map_err(refused)?;
                line.trim_end_matches(['\n', '\r']).to_string()
            }
        }
    };
    let done = aduan_server::create_admin(
        &args.data,
        &args.username,
        &args.display_name,
        &password,
        args.reset_password,
    )?;
    tracing::info!("{done}");
    Ok(())
}
