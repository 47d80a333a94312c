//! The files the pages load besides themselves: Frist's own stylesheets and script, and Det
//! Fælles Designsystem (DKFDS) as `scripts/vendor-dkfds` left it in `static/dkfds/`.
//!
//! Everything is compiled into the binary, so `frist serve` needs nothing beside it and the
//! pages need nothing from another origin (the CSP stays `default-src 'self'`). Only the files
//! listed in [`DKFDS`] are served: a path is looked up, never joined onto a directory.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One embedded file: its path under `/static/dkfds/`, its content type, its bytes.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

macro_rules! dkfds {
    ($($path:literal => $content_type:literal),* $(,)?) => {
        &[$(Asset {
            path: $path,
            content_type: $content_type,
            bytes: include_bytes!(concat!("../../static/dkfds/", $path)),
        }),*]
    };
}

/// The vendored DKFDS files; a test checks this list against the directory.
const DKFDS: &[Asset] = dkfds! {
    "dkfds.min.css" => "text/css; charset=utf-8",
    "icons.svg" => "image/svg+xml",
    "icons/chevron-down.svg" => "image/svg+xml",
    "fonts/IBMPlexSans-Regular.woff2" => "font/woff2",
    "fonts/IBMPlexSans-Medium.woff2" => "font/woff2",
    "fonts/IBMPlexSans-SemiBold.woff2" => "font/woff2",
    "fonts/IBMPlexSans-Bold.woff2" => "font/woff2",
    "fonts/OFL.txt" => "text/plain; charset=utf-8",
    "LICENSE.md" => "text/markdown; charset=utf-8",
    "VERSION" => "text/plain; charset=utf-8",
};

/// An hour: a new Frist version brings new files under the same names.
const CACHE: &str = "public, max-age=3600";

fn file(content_type: &'static str, bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, CACHE),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) async fn dkfds(Path(path): Path<String>) -> Response {
    match DKFDS.iter().find(|asset| asset.path == path) {
        Some(asset) => file(asset.content_type, asset.bytes),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The staff pages' stylesheet.
pub(crate) async fn stylesheet() -> Response {
    file(
        "text/css; charset=utf-8",
        include_bytes!("../../static/frist.css"),
    )
}

/// What the citizen pages add to DKFDS: the header's language switcher, a menu that works
/// without JavaScript on a phone, the receipt's reference number.
pub(crate) async fn citizen_stylesheet() -> Response {
    file(
        "text/css; charset=utf-8",
        include_bytes!("../../static/citizen.css"),
    )
}

/// The staff pages' one script (the live rule check); every page works without it.
pub(crate) async fn script() -> Response {
    file(
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/frist.js"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn files_under(dir: &std::path::Path, prefix: &str, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                files_under(&entry.path(), &format!("{name}/"), out);
            } else {
                out.insert(name);
            }
        }
    }

    #[test]
    fn every_vendored_dkfds_file_is_served_and_nothing_else() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/dkfds");
        let mut on_disk = BTreeSet::new();
        files_under(&dir, "", &mut on_disk);
        let served: BTreeSet<String> = DKFDS.iter().map(|a| a.path.to_owned()).collect();
        assert_eq!(served, on_disk);
    }

    #[test]
    fn the_vendored_css_refers_only_to_vendored_fonts() {
        let css = DKFDS.iter().find(|a| a.path == "dkfds.min.css").unwrap();
        let css = std::str::from_utf8(css.bytes).unwrap();
        let mut fonts = BTreeSet::new();
        for part in css.split("url(fonts/").skip(1) {
            fonts.insert(format!("fonts/{}", part.split(')').next().unwrap()));
        }
        let served: BTreeSet<String> = DKFDS
            .iter()
            .filter(|a| a.path.ends_with(".woff2"))
            .map(|a| a.path.to_owned())
            .collect();
        assert_eq!(fonts, served);
    }
}
