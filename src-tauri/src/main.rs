// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    vigil_app::data_dir::private_umask();
    if let Some(code) = vigil_app::cli::run(std::env::args_os()) {
        std::process::exit(code);
    }
    vigil_app::run();
}
