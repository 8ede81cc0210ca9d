use clap::Parser;

#[tokio::main]
async fn main() {
    let config = aduan_server::Config::parse();
    if let Err(e) = aduan_server::run(config).await {
        eprintln!("aduan-server: {e}");
        std::process::exit(1);
    }
}
