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
    let config = aduan_server::Config::parse();
    if let Err(e) = aduan_server::run(config).await {
        tracing::error!("aduan-server: {e}");
        std::process::exit(1);
    }
}
