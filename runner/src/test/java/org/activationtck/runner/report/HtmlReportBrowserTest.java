package org.activationtck.runner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.activationtck.runner.gate.GateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The run report as a person sees it, in a headless Chromium: no errors in the console, the
 * grid, plots with tick labels on both axes, the failing inputs with their reproducers. Skipped,
 * with the reason, where no Chromium and chromedriver are installed ({@link Browser}).
 */
class HtmlReportBrowserTest {

  static ChromeDriver driver;
  static GateResult run;
  static Path page;

  @BeforeAll
  static void render(@TempDir Path dir) throws Exception {
    driver = Browser.start();
    run = ReportSamples.run();
    page = dir.resolve("report.html");
    Files.write(page, HtmlReport.bytes(run));
    driver.get(page.toUri().toString());
    Browser.await(driver, "window.TCK && TCK.charts.length > 0", Duration.ofSeconds(20));
  }

  @AfterAll
  static void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static Object js(String script) {
    return driver.executeScript(script);
  }

  @Test
  void required_noConsoleErrors() {
    assertEquals(List.of(), Browser.errors(driver));
  }

  @Test
  void required_gridColoursRowsByOutcome_andLinksToThem() {
    WebElement grid = driver.findElement(By.cssSelector("table.grid"));
    assertTrue(grid.isDisplayed());
    assertFalse(grid.findElements(By.cssSelector("td.c-fail")).isEmpty(), "unexpected failures (relu, sigmoid float64)");
    assertFalse(grid.findElements(By.cssSelector("td.c-known")).isEmpty(), "known: sigmoid float32 keras3; "
        + run.admitted() + " " + run.unexpected().stream().filter(c -> c.function().equals("sigmoid")).limit(3).toList());
    assertFalse(grid.findElements(By.cssSelector("td.c-pass")).isEmpty(), "tanh passes");
    String head = grid.findElement(By.tagName("thead")).getText();
    assertTrue(head.contains("float64") && head.contains("float32") && head.contains("keras3")
        && head.contains("pytorch"), head);
    // a passing row is folded; its cell opens it and draws its plot
    WebElement pass = grid.findElement(By.cssSelector("td.c-pass a"));
    String target = pass.getAttribute("href").replaceAll(".*#", "");
    assertEquals(Boolean.FALSE, js("return document.getElementById('" + target + "').open"));
    int before = ((Number) js("return TCK.charts.length")).intValue();
    pass.click();
    assertEquals(Boolean.TRUE, js("return document.getElementById('" + target + "').open"));
    assertEquals(before + 1, ((Number) js("return TCK.charts.length")).intValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void required_plotsHaveTickLabelsOnBothAxes_andDrawSomething() throws Exception {
    List<WebElement> plots = driver.findElements(By.cssSelector("details.row[open] .plot canvas"));
    assertFalse(plots.isEmpty());
    // uPlot draws axes on the canvas; what it drew is kept in each axis's _values
    List<List<String>> x = (List<List<String>>) js("return TCK.charts.map(c => c.axes[0]._values)");
    List<List<String>> y = (List<List<String>>) js("return TCK.charts.map(c => c.axes[1]._values)");
    for (List<String> v : x) {
      assertTrue(v.containsAll(List.of("0", "20", "\u221220", "1e4", "1e100", "1.8e308", "\u22121.8e308")), v.toString());
    }
    for (List<String> v : y) {
      assertTrue(v.containsAll(List.of("0", "1", "10")), v.toString());
    }
    // the axis titles are drawn on the canvas too
    List<List<String>> titles = (List<List<String>>) js("return TCK.charts.map(c => c.axes.map(a => a.label))");
    for (List<String> t : titles) {
      assertTrue(t.get(0).startsWith("x (linear"), t.toString());
      assertEquals("error (ulps, log scale)", t.get(1));
    }
    // the canvas is not blank: it has dark pixels (marks, ticks, labels)
    Number dark = (Number) js("const c = document.querySelector('details.row[open] .plot canvas');"
        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + "for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 200) n++; return n;");
    assertTrue(dark.intValue() > 500, "dark pixels: " + dark);
    Path shots = Path.of("target", "browser-test");
    Files.createDirectories(shots);
    Files.copy(driver.findElement(By.cssSelector("details.row.c-fail")).getScreenshotAs(OutputType.FILE).toPath(),
        shots.resolve("run-report-row.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void required_failureTableShowsReproducers_andCopyButtons() {
    WebElement row = driver.findElement(By.cssSelector("details.row.c-fail"));
    List<WebElement> lines = row.findElements(By.cssSelector("table.failures tr.f-new"));
    assertFalse(lines.isEmpty());
    String cmd = lines.get(0).findElement(By.cssSelector("code.cmd")).getText();
    assertTrue(cmd.startsWith("./tck oracle "), cmd);
    assertTrue(cmd.contains("--dialect "), cmd);
    WebElement copy = lines.get(0).findElement(By.cssSelector("button.copy"));
    assertTrue(copy.isDisplayed());
    copy.click();
    // the label changes when the clipboard's promise settles, which takes a while on a busy machine
    Browser.await(driver, "['copied', 'select and copy'].includes("
        + "document.querySelector('details.row.c-fail table.failures tr.f-new button.copy').textContent)",
        java.time.Duration.ofSeconds(10));
    assertTrue(driver.findElements(By.cssSelector("tr.f-known")).size() > 0, "known failures are marked");
    String config = driver.findElement(By.id("config")).getText();
    assertTrue(config.contains("planted-deviations.json"), config);
    assertTrue(config.contains("planted: 3 ulp above 4"), config);
    assertTrue(config.contains("tanh:float32=2"), config);
    assertTrue(driver.findElement(By.cssSelector(".outcome")).getText().startsWith("RESULT: FAILED"));
  }
}
