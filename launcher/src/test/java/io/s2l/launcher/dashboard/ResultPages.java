package io.s2l.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.s2l.api.attribution.ScaleLds;
import io.s2l.api.correlation.CorrelationEntry;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.client.S2lClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's result pages as the browser test reads them: each table against what the API
 * serves for the same study, each chart rendered, and no console errors.
 */
public final class ResultPages {

  private final HeadlessChromium browser;
  private final S2lClient client;
  private final String url;

  public ResultPages(HeadlessChromium browser, S2lClient client, String url) {
    this.browser = browser;
    this.client = client;
    this.url = url;
  }

  /** Opens a study's page, follows it to completion and opens one of its results. */
  private void openResult(UUID study, String link) {
    browser.open(url + "#/studies/" + study);
    browser.awaitText(By.id("study-status"), "COMPLETED", 300);
    browser.await(By.linkText(link)).click();
  }

  public void attributionShowsTheApiNumbers(UUID study) {
    openResult(study, "Attribution");
    browser.await(By.id("lds-table"));
    browser.awaitCharts();
    List<ScaleLds> lds = client.attribution(study).lds();
    List<List<String>> rows = rows("lds-table");
    assertThat(rows).hasSize(lds.size());
    for (int i = 0; i < lds.size(); i++) {
      assertThat(rows.get(i).get(0)).isEqualTo(lds.get(i).scale());
      assertShows(rows.get(i).get(2), lds.get(i).lds() == null ? Double.NaN : lds.get(i).lds());
    }
    // the target's images come through the key: every one has loaded
    browser.await(By.cssSelector("#target-examples img"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d ->
                (Boolean)
                    browser.script(
                        "const imgs = [...document.querySelectorAll('#target-examples img')];"
                            + " return imgs.length > 2 && imgs.every(i => i.complete && i.naturalWidth > 0);"));
    browser.screenshot("10-attribution");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  public void gainsShowTheApiNumbers(UUID study, String kind, String link, int gainColumn) {
    openResult(study, link);
    browser.await(By.id("gains-table"));
    browser.awaitCharts();
    List<Double> gains =
        kind.equals("mixture")
            ? client.mixture(study).verification().entries().stream()
                .map(e -> e.gainOverRandom())
                .toList()
            : client.selection(study).entries().stream().map(e -> e.gainOverRandom()).toList();
    List<List<String>> rows = rows("gains-table");
    assertThat(rows).hasSize(gains.size());
    for (int i = 0; i < gains.size(); i++) {
      assertShows(rows.get(i).get(gainColumn), gains.get(i));
    }
    // a selection that sweeps sizes also draws the gain against the size
    boolean sweep = kind.equals("selection") && client.selection(study).sizes().size() > 1;
    assertThat(browser.driver().findElements(By.cssSelector("figure.chart")))
        .hasSize(sweep ? 2 : 1);
    if (sweep) {
      WebElement chart =
          browser
              .driver()
              .findElement(
                  By.cssSelector(
                      "figure[data-chart='gain-over-random-data-against-selection-size']"));
      assertThat(chart.findElement(By.cssSelector(".plot svg")).getText())
          .contains("selection size");
    }
    browser.screenshot("11-" + kind);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** The R² chart's SVG and CSV downloads: a rendered SVG, and the API's R² values exactly. */
  public void downloadsHoldTheChartAndItsData(ScaleCorrelationResult result) {
    browser.script(
        "window.downloaded = []; const make = URL.createObjectURL;"
            + " URL.createObjectURL = b => { window.downloaded.push(b); return make(b); };");
    WebElement chart =
        browser
            .driver()
            .findElement(By.cssSelector("figure[data-chart='r-against-compute-saved']"));
    chart.findElement(By.xpath(".//button[.='Download SVG']")).click();
    chart.findElement(By.xpath(".//button[.='Download CSV']")).click();
    @SuppressWarnings("unchecked")
    List<String> files =
        (List<String>)
            browser
                .driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " setTimeout(() => Promise.all(window.downloaded.map(b => b.text())).then(done), 500);");
    assertThat(files).hasSize(2);
    assertThat(files.get(0)).startsWith("<svg").contains("R²");
    List<String> lines = files.get(1).lines().toList();
    assertThat(lines.get(0)).isEqualTo("proxy,evalSet,computeRatio,value,low,high");
    for (CorrelationEntry e : result.entries()) {
      if (Double.isNaN(e.r2())) {
        continue; // an undefined R² has no point on the chart
      }
      String line =
          lines.stream()
              .filter(l -> l.startsWith(e.proxyScale() + "," + e.evalSet() + ","))
              .findFirst()
              .orElseThrow();
      assertThat(Double.parseDouble(line.split(",")[3])).isEqualTo(e.r2());
    }
  }

  /** The page's tables show the API's numbers (to the 3 significant digits it prints). */
  public void checkNumbers(ScaleCorrelationResult result) {
    List<List<String>> rows = rows("entries-table");
    assertThat(rows).hasSize(result.entries().size());
    for (CorrelationEntry e : result.entries()) {
      List<String> row =
          rows.stream()
              .filter(r -> r.get(0).equals(e.proxyScale()) && r.get(1).equals(e.evalSet()))
              .findFirst()
              .orElseThrow();
      assertShows(row.get(3), e.pearsonR());
      assertShows(row.get(4), e.r2());
      assertShows(row.get(8), e.decisionAccuracy());
    }
    String recommended = browser.driver().findElement(By.id("recommended-scale")).getText();
    String scale = result.recommendation().recommendedScale();
    assertThat(recommended).isEqualTo(scale == null ? "No proxy is recommended" : scale);
  }

  private static void assertShows(String cell, double value) {
    if (Double.isNaN(value)) {
      assertThat(cell).isEqualTo("—");
    } else {
      assertThat(Double.parseDouble(cell)).isCloseTo(value, within(Math.abs(value) * 5e-3 + 1e-9));
    }
  }

  public List<List<String>> rows(String table) {
    return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }
}
