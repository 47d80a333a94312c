//! A browser without JavaScript: cookies kept by hand, forms posted url-encoded with the
//! page's own CSRF token, HTML read as text.

use crate::app::App;
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use std::collections::BTreeMap;

pub struct Browser<'a> {
    pub(crate) app: &'a App,
    pub(crate) cookies: BTreeMap<String, String>,
    pub(crate) client: reqwest::Client,
}

impl Browser<'_> {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&mut self, response: reqwest::Response) -> (StatusCode, String) {
        for value in response.headers().get_all(SET_COOKIE) {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            self.cookies.insert(k.to_owned(), v.to_owned());
        }
        (response.status(), response.text().await.unwrap())
    }

    pub async fn get(&mut self, path: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(self.app.url(path))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let response = self
            .client
            .post(self.app.url(path))
            .header(COOKIE, self.cookie_header())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    /// Opens `page`, then posts the form at `action` with the page's CSRF token and `fields`.
    pub async fn submit(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let (status, html) = self.get(page).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        let token = csrf(&html);
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    /// An action on the inquiry page (`/sager/{id}/<action>`), as the page posts it.
    pub async fn act(
        &mut self,
        id: i64,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String) {
        self.submit(
            &paths::inquiry(id),
            &format!("{}/{action}", paths::inquiry(id)),
            fields,
        )
        .await
    }

    /// The citizen writes on the self-service form; returns the status page's path.
    pub async fn write(&mut self, subject: &str) -> String {
        let (status, receipt) = self
            .submit(
                paths::WRITE,
                paths::WRITE,
                &[
                    ("kind", "general_question"),
                    ("subject", subject),
                    ("message", "Min skraldespand blev ikke tømt i går."),
                    ("name", "Karen Jensen"),
                    ("email", "karen@example.dk"),
                    ("phone", ""),
                    ("cpr", ""),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{receipt}");
        let start = receipt.find("href=\"/status/").unwrap() + 6;
        let end = start + receipt[start..].find('"').unwrap();
        receipt[start..end].to_owned()
    }
}

pub fn csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[start..start + 43].to_owned()
}
