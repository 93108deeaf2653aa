// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    vigil_app::data_dir::private_umask();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = vigil_app::cli::run(&args) {
        std::process::exit(code);
    }
    vigil_app::run();
}
