package io.s2l.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s2l.api.Page;
import io.s2l.api.correlation.ScaleCorrelationResult;
import io.s2l.api.study.StudyView;
import io.s2l.launcher.dashboard.HeadlessChromium;
import io.s2l.launcher.dashboard.ResultPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the whole platform: sign-in, the studies list
 * and its filters (answered by the service), a definition's fields that differ from the defaults,
 * submitting with field errors, an import with row errors, a study followed live to completion, its
 * scale correlation, attribution, selection and mixture results with the numbers the API serves, a
 * READ key that cannot cancel, and no console errors. Screenshots go to {@code
 * target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningPlatform running;
  private static HeadlessChromium browser;
  private static String url;
  private static ResultPages pages;

  @BeforeAll
  static void start(@TempDir Path profile) throws Exception {
    running = new RunningPlatform("dashboard-it-logs");
    browser = new HeadlessChromium(profile, Path.of("target", "dashboard-screenshots"));
    url = running.platform().dashboardUrl();
    pages = new ResultPages(browser, running.client(), url);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (running != null) {
      running.close();
    }
  }

  @Test
  void aNewcomerFollowsAStudyToItsResultsAndAReadKeyCannotCancel() throws Exception {
    signIn("not-a-key-of-this-platform-0123456789abcdef", "This key is not known");
    assertThat(browser.consoleErrors()).singleElement().asString().contains("401");
    signIn(running.platform().adminKey(), null);
    browser.await(By.id("studies-table"));
    assertThat(browser.consoleErrors()).isEmpty();

    UUID tiny = submitThroughTheForm();
    // the other kinds train while the browser works on the first
    UUID attribution =
        running.client().submit(RunningPlatform.resource("/tiny-attribution.json")).id();
    UUID selection = running.client().submit(sweepingSelection()).id();
    UUID mixture = running.client().submit(RunningPlatform.resource("/tiny-mixture.json")).id();
    UUID queued = running.client().submit(gpuStudy()).id();
    importWithRowErrorsThenRight();
    listShowsBothStudies();
    listFiltersOnTheServer(tiny);
    definitionMarksTheFieldsThatDifferFromTheDefaults(selection);
    readKeyCannotCancel(queued);
    signIn(running.platform().adminKey(), null);
    adminCancels(queued);
    followToCompletion(tiny);
    correlationShowsTheApiNumbers(tiny);
    pages.attributionShowsTheApiNumbers(attribution);
    pages.gainsShowTheApiNumbers(selection, "selection", "Dataset selection", 7);
    pages.gainsShowTheApiNumbers(mixture, "mixture", "Mixture recommendation", 6);
  }

  private void signIn(String key, String refusal) {
    if (!browser.driver().findElements(By.id("sign-out")).isEmpty()) {
      browser.driver().findElement(By.id("sign-out")).click();
    } else {
      browser.open(url);
    }
    WebElement input = browser.await(By.id("api-key"));
    input.clear();
    input.sendKeys(key, Keys.ENTER); // the keyboard alone signs in
    if (refusal != null) {
      browser.awaitText(By.cssSelector("#sign-in [role=status]"), refusal, 10);
    } else {
      browser.await(By.id("sign-out"));
    }
  }

  private UUID submitThroughTheForm() throws Exception {
    browser.driver().findElement(By.linkText("Submit")).click();
    WebElement definition = browser.await(By.id("definition"));
    ObjectNode bad = (ObjectNode) JSON.readTree(RunningPlatform.resource("/tiny-study.json"));
    ((ObjectNode) bad.withArray("scales").get(0)).put("heads", 3);
    setValue(definition, bad.toString());
    browser.driver().findElement(By.cssSelector("#submit-form button[type=submit]")).click();
    browser.awaitText(By.cssSelector("#submit-result .field-error"), "scales\\[0\\]\\.heads", 10);
    browser.screenshot("02-submit-field-errors");
    assertThat(browser.consoleErrors()).singleElement().asString().contains("400");

    ObjectNode good = (ObjectNode) JSON.readTree(RunningPlatform.resource("/tiny-study.json"));
    good.put("name", "dashboard tiny study");
    setValue(definition, good.toString());
    browser.driver().findElement(By.cssSelector("#submit-form button[type=submit]")).click();
    browser.await(By.id("study-status"));
    String hash = (String) browser.script("return location.hash");
    assertThat(hash).startsWith("#/studies/");
    browser.screenshot("03-study-training");
    return UUID.fromString(hash.substring("#/studies/".length()));
  }

  /** The tiny selection study over two selection sizes, so its page draws the size sweep. */
  private static String sweepingSelection() throws Exception {
    ObjectNode study = (ObjectNode) JSON.readTree(RunningPlatform.resource("/tiny-selection.json"));
    ObjectNode selection = study.with("selection");
    selection.remove("size");
    selection.putArray("sizes").add(50).add(100);
    return study.toString();
  }

  /** A study whose models need a GPU: on a machine without one it stays queued. */
  private static String gpuStudy() throws Exception {
    ObjectNode study = (ObjectNode) JSON.readTree(RunningPlatform.resource("/tiny-study.json"));
    study.put("name", "dashboard gpu study");
    study.with("training").put("device", "gpu");
    return study.toString();
  }

  private void importWithRowErrorsThenRight() throws Exception {
    browser.driver().findElement(By.linkText("Import")).click();
    Path bad = Files.createTempFile("bad-import", ".csv");
    Files.writeString(
        bad, "scale,params,tokens,distribution,seed,evalSet,exampleId,loss\n1B,1,1,a,0,s,e,abc\n");
    browser.await(By.id("import-file")).sendKeys(bad.toString());
    browser.driver().findElement(By.id("import-reference")).sendKeys("1B");
    browser.driver().findElement(By.cssSelector("#import-form button[type=submit]")).click();
    browser.awaitText(By.cssSelector("#import-result .field-error"), "row \\d+.*loss", 10);
    browser.screenshot("04-import-row-errors");
    assertThat(browser.consoleErrors()).singleElement().asString().contains("400");

    Path example = Path.of("..", "examples", "results-example.csv").toAbsolutePath().normalize();
    browser.driver().findElement(By.id("import-file")).sendKeys(example.toString());
    browser.driver().findElement(By.cssSelector("#import-form button[type=submit]")).click();
    browser.await(By.id("import-link")).click();
    browser.await(By.id("entries-table"), 120);
    browser.awaitCharts();
    String hash = (String) browser.script("return location.hash");
    UUID imported = UUID.fromString(hash.split("/")[2]);
    pages.checkNumbers(running.client().scaleCorrelation(imported));
    browser.screenshot("05-import-scale-correlation");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void listShowsBothStudies() {
    browser.driver().findElement(By.linkText("Studies")).click();
    browser.await(By.id("studies-table"));
    assertThat(pages.rows("studies-table"))
        .extracting(r -> r.get(0))
        .contains("dashboard tiny study", "dashboard gpu study", "tiny attribution study")
        .hasSize(5);
    browser.driver().findElement(By.id("filter-name")).sendKeys("gpu");
    awaitQuery("name=gpu");
    List<List<String>> filtered = pages.rows("studies-table");
    assertThat(filtered)
        .singleElement()
        .satisfies(r -> assertThat(r.get(0)).isEqualTo("dashboard gpu study"));
    browser.screenshot("01-studies-filtered");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Kind and owner filters show the API's list for them, not a filtered page. */
  private void listFiltersOnTheServer(UUID tiny) {
    browser.driver().findElement(By.id("filter-name")).clear();
    new Select(browser.driver().findElement(By.id("filter-kind"))).selectByValue("attribution");
    awaitQuery("kind=attribution");
    assertThat(names())
        .isEqualTo(names(running.client().studies().page(0, 20, "attribution", null)))
        .containsExactly("tiny attribution study");
    new Select(browser.driver().findElement(By.id("filter-kind"))).selectByValue("");
    String owner = running.client().study(tiny).owner();
    WebElement ownerFilter = browser.driver().findElement(By.id("filter-owner"));
    ownerFilter.sendKeys(owner);
    awaitQuery("owner=" + owner);
    assertThat(names())
        .isEqualTo(names(running.client().studies().page(0, 20, null, owner)))
        .hasSize(5);
    ownerFilter.sendKeys("-else");
    awaitQuery("owner=" + owner + "-else");
    assertThat(names()).isEmpty();
    browser.screenshot("01-studies-by-owner");
    ownerFilter.clear();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Waits until the studies table shows the answer to the query holding {@code part}. */
  private void awaitQuery(String part) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector("#studies-table[data-query*='" + part + "']")).size()
                    == 1);
  }

  private List<String> names() {
    return pages.rows("studies-table").stream().map(r -> r.get(0)).toList();
  }

  private static List<String> names(Page<StudyView> page) {
    return page.items().stream().map(StudyView::name).toList();
  }

  /**
   * The selection study sets epochs and batch size away from their defaults and the learning rate
   * to its default: only the first two are marked.
   */
  private void definitionMarksTheFieldsThatDifferFromTheDefaults(UUID selection) {
    browser.open(url + "#/studies/" + selection);
    WebElement definition = browser.await(By.id("definition-table"));
    WebElement epochs = definition.findElement(By.cssSelector("tr[data-field='training.epochs']"));
    assertThat(epochs.getDomAttribute("class")).isEqualTo("differs");
    assertThat(epochs.getText()).contains("4").contains("differs from default").contains("30");
    WebElement rate =
        definition.findElement(By.cssSelector("tr[data-field='training.learningRate']"));
    assertThat(rate.getDomAttribute("class")).isNull();
    assertThat(rate.getText()).doesNotContain("differs from default");
    assertThat(definition.findElements(By.cssSelector("tr[data-field='selection.sizes']")))
        .singleElement()
        .satisfies(r -> assertThat(r.getText()).contains("50, 100"));
    browser.screenshot("06-study-definition");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void readKeyCannotCancel(UUID queued) throws Exception {
    String reader = createKey("READ");
    signIn(reader, null);
    assertThat(browser.driver().findElements(By.linkText("Submit"))).isEmpty();
    browser.open(url + "#/studies/" + queued);
    browser.awaitText(By.id("study-status"), "QUEUED|TRAINING", 20);
    assertThat(browser.driver().findElements(By.id("cancel"))).isEmpty();
    Object status =
        browser
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/studies/"
                    + queued
                    + "/cancel', {method: 'POST', headers: {Authorization: 'Bearer '"
                    + " + sessionStorage.getItem('s2l.key')}}).then(r => done(r.status));");
    assertThat(status).isEqualTo(403L);
    assertThat(running.client().study(queued).status()).isIn("QUEUED", "TRAINING");
    browser.screenshot("06-read-key-no-cancel");
    assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
  }

  private void adminCancels(UUID queued) {
    browser.open(url + "#/studies/" + queued);
    browser.await(By.id("cancel")).click();
    browser.driver().switchTo().alert().accept();
    browser.awaitText(By.id("study-status"), "CANCELLED", 20);
    assertThat(running.client().study(queued).status()).isEqualTo("CANCELLED");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void followToCompletion(UUID tiny) {
    browser.open("about:blank");
    browser.open(url + "#/studies/" + tiny);
    browser.await(By.id("study-status"));
    // the study page's load time: from navigation start to the page shown, and the load event
    Map<?, ?> timing =
        (Map<?, ?>)
            browser.script(
                "const n = performance.getEntriesByType('navigation')[0];"
                    + "const shown = performance.getEntriesByName('s2l:page-shown');"
                    + "return {load: n.loadEventEnd, shown: shown.length ? shown[0].startTime : -1};");
    System.out.printf(
        "dashboard: study page load event %.0f ms, page shown %.0f ms after navigation start%n",
        ((Number) timing.get("load")).doubleValue(), ((Number) timing.get("shown")).doubleValue());
    // the page is not reloaded: the status changes only through the progress stream
    browser.awaitText(By.id("study-status"), "COMPLETED", 300);
    browser.awaitText(By.id("study-counts"), "(\\d+) of \\1 models trained", 5);
    StudyView study = running.client().study(tiny);
    assertThat(browser.driver().findElement(By.id("study-counts")).getText())
        .startsWith(study.progress().jobsDone() + " of " + study.progress().jobsTotal());
    browser.await(By.linkText("Scale correlation"));
    browser.screenshot("07-study-completed");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void correlationShowsTheApiNumbers(UUID tiny) {
    browser.driver().findElement(By.linkText("Scale correlation")).click();
    browser.await(By.id("entries-table"));
    browser.awaitCharts();
    ScaleCorrelationResult result = running.client().scaleCorrelation(tiny);
    pages.checkNumbers(result);
    assertThat(browser.driver().findElements(By.cssSelector("figure.chart"))).hasSize(4);
    assertThat(
            browser
                .driver()
                .findElements(By.xpath("//button[.='Download SVG' and not(@disabled)]")))
        .hasSize(4);
    pages.downloadsHoldTheChartAndItsData(result);
    browser.screenshot("08-scale-correlation-1280");
    browser.size(375, 800);
    browser.driver().navigate().refresh();
    browser.awaitCharts();
    assertThat((Long) browser.script("return document.documentElement.scrollWidth - innerWidth"))
        .as("no sideways scrolling of the page at phone width")
        .isLessThanOrEqualTo(0L);
    browser.screenshot("09-scale-correlation-375");
    browser.size(1280, 800);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void setValue(WebElement element, String value) {
    browser.script("arguments[0].value = arguments[1];", element, value);
  }

  private String createKey(String role) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(running.platform().experimentUrl() + "/api/v1/keys"))
                    .header("Authorization", "Bearer " + running.platform().adminKey())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"owner\": \"admin\", \"name\": \"dashboard reader\", \"role\": \""
                                + role
                                + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    return JSON.readTree(response.body()).get("secret").asText();
  }
}
