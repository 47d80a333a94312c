//! Figures as the pages write them: one decimal, with the decimal comma Danish and German use
//! ("92,5 %", "4,0") and the point English uses; a dash, or the page's own word, for none.

use frist_i18n::Lang;

/// `value` with one decimal and `unit` after it (" %" or ""), or `none` when there is none.
pub(crate) fn decimal(lang: Lang, value: Option<f64>, unit: &str, none: &str) -> String {
    match value {
        Some(v) => {
            let text = format!("{v:.1}{unit}");
            match lang {
                Lang::En => text,
                Lang::Da | Lang::De => text.replace('.', ","),
            }
        }
        None => none.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_the_way_each_language_writes_them() {
        assert_eq!(decimal(Lang::Da, Some(92.54), " %", "–"), "92,5 %");
        assert_eq!(decimal(Lang::De, Some(4.0), "", "–"), "4,0");
        assert_eq!(decimal(Lang::En, Some(92.54), " %", "–"), "92.5 %");
        assert_eq!(decimal(Lang::En, None, " %", "–"), "–");
    }
}
