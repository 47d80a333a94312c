//! The dashboard's 12-month trend: per goal, the share of deadlines kept on time each month, as
//! a line chart drawn on the server with `plotters` into SVG (no script, no fonts: the browser
//! lays out the text), the target as a dashed line. The same figures are in a table beside the
//! charts, which is what a screen reader reads; the SVG is an image with a name.
//!
//! `plotters` rather than hand-written SVG: axes, ticks and scaling are its job and it is well
//! kept; rather than `charming`: that one renders through ECharts in JavaScript, which would
//! need a script engine on the server or a script in the page.

use plotters::prelude::*;

/// Width and height of a chart in SVG units; CSS scales it to the column.
const SIZE: (u32, u32) = (480, 220);
/// The line: the page's dark blue, 8.6:1 on white (non-text contrast needs 3:1).
const LINE: RGBColor = RGBColor(0x1f, 0x4e, 0x9a);
/// The target: dark red, 7.1:1 on white.
const TARGET: RGBColor = RGBColor(0xa4, 0x28, 0x1f);

/// One goal's months: the label under each point and its share in percent (`None`: nothing
/// decided that month).
pub(crate) struct Series<'a> {
    pub labels: &'a [String],
    pub shares: &'a [Option<f64>],
    pub target: Option<f64>,
}

/// The chart as an SVG element named by the element `label_id`, or `None` when plotters
/// could not draw it (the table still has the figures).
pub(crate) fn svg(series: &Series<'_>, label_id: &str) -> Option<String> {
    let mut out = String::new();
    draw(series, &mut out).ok()?;
    // Plotters writes `<svg width=".." height=".." viewBox=".." xmlns="..">`: give it a role and
    // a name, and keep it out of the tab order.
    let named = format!(r#"<svg role="img" aria-labelledby="{label_id}" focusable="false" "#);
    Some(out.replacen("<svg ", &named, 1))
}

fn draw(series: &Series<'_>, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let months = series.labels.len().max(1);
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(28)
        .y_label_area_size(44)
        .build_cartesian_2d(-0.5f64..(months as f64 - 0.5), 0f64..100f64)?;
    let labels = series.labels;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(months)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .y_labels(6)
        .y_label_formatter(&|y| format!("{y:.0} %"))
        .label_style(("sans-serif", 14).into_font().color(&BLACK))
        .light_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .draw()?;
    if let Some(target) = series.target {
        chart.draw_series(DashedLineSeries::new(
            [(-0.5, target), (months as f64 - 0.5, target)],
            6,
            4,
            TARGET.stroke_width(2),
        ))?;
    }
    // A month with nothing decided breaks the line rather than pretending it was 0 %.
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let mut segments = Vec::new();
    for (i, share) in series.shares.iter().enumerate() {
        match share {
            Some(v) => segment.push((i as f64, *v)),
            None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
            None => {}
        }
    }
    if !segment.is_empty() {
        segments.push(segment);
    }
    for points in segments {
        chart.draw_series(LineSeries::new(points.clone(), LINE.stroke_width(2)))?;
        chart.draw_series(points.into_iter().map(|p| Circle::new(p, 3, LINE.filled())))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_chart_is_a_named_svg_image_with_its_months_and_a_gap_for_an_empty_one() {
        let labels: Vec<String> = ["jan", "feb", "mar"].map(String::from).to_vec();
        let shares = [Some(80.0), None, Some(95.5)];
        let series = Series {
            labels: &labels,
            shares: &shares,
            target: Some(90.0),
        };
        let svg = svg(&series, "trend-ROS-1").unwrap();
        assert!(
            svg.starts_with(r#"<svg role="img" aria-labelledby="trend-ROS-1""#),
            "{svg}"
        );
        assert!(svg.contains("viewBox"), "scales with CSS: {svg}");
        for month in ["jan", "feb", "mar"] {
            assert!(
                svg.contains(&format!(">{month}<")) || svg.contains(month),
                "{month}"
            );
        }
        // Two separate points, no line across the empty month; the target dashed across.
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert!(
            svg.contains("#A4281F") || svg.contains("#a4281f"),
            "target line: {svg}"
        );
    }
}
