package org.activationtck.cli.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.activationtck.cli.matrix.ConformanceHtml;
import org.activationtck.cli.matrix.ConformanceJson;
import org.activationtck.cli.matrix.ConformanceMatrix;
import org.activationtck.runner.Tolerances;
import org.activationtck.runner.report.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;


/**
 * The conformance dashboard rendered from the committed docs/conformance.json, as a person sees
 * it in a headless Chromium: no console errors, the grid coloured by verdict, a cell's details
 * with the reproducer and the findings link, the filters. Skipped, with the reason, where no
 * Chromium and chromedriver are installed ({@link Browser}).
 */
class DashboardBrowserTest {

  static ChromeDriver driver;
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static byte[] render() throws Exception {
    Path json = ROOT.resolve("docs/conformance.json");
    return ConformanceHtml.bytes(ConformanceMatrix.rerender(ConformanceJson.read(Files.readAllBytes(json),
        "docs/conformance.json", ROOT, Tolerances.standard())));
  }

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    driver = Browser.start();
    Path page = dir.resolve("docs/conformance.html");
    Files.createDirectories(page.getParent());
    Files.write(page, render());
    driver.get(page.toUri().toString());
    Browser.await(driver, "document.querySelectorAll('#matrix td[data-key]').length > 0", Duration.ofSeconds(20));
  }

  @AfterAll
  static void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void required_committedDashboardIsUpToDate() throws Exception {
    assertTrue(new String(render(), java.nio.charset.StandardCharsets.UTF_8)
        .equals(Files.readString(ROOT.resolve("docs/conformance.html"))),
        "docs/conformance.html is stale: run ./tck matrix --render-only");
  }

  @Test
  void required_gridShowsEveryVerdict_noConsoleErrors() throws Exception {
    assertEquals(List.of(), Browser.errors(driver));
    for (String cls : List.of("v-strict", "v-libm", "v-framework", "v-no", "v-ni")) {
      assertFalse(driver.findElements(By.cssSelector("#matrix td." + cls)).isEmpty(), cls);
    }
    String head = driver.findElement(By.cssSelector("#matrix thead")).getText();
    assertTrue(head.contains("numpy") && head.contains("tensorflow") && head.contains("float32"), head);
    Path shots = Path.of("target", "browser-test");
    Files.createDirectories(shots);
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("dashboard.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void required_cellOpensDetails_withReproducerAndFindings() {
    WebElement no = driver.findElement(By.cssSelector("#matrix td.v-no[data-key^='tensorflow|']"));
    no.click();
    WebElement box = driver.findElement(By.id("cell-details"));
    assertTrue(box.isDisplayed());
    String text = box.getText();
    assertTrue(text.contains("Diagnosis"), text);
    assertTrue(text.contains("max ulp") && text.contains("strict") && text.contains("framework"), text);
    String cmd = box.findElement(By.cssSelector("code.cmd")).getText();
    assertTrue(cmd.startsWith("./tck oracle "), cmd);
    assertTrue(box.findElement(By.linkText("tensorflow/FINDINGS.md")).getAttribute("href")
        .endsWith("/adapters/tensorflow/FINDINGS.md"));
  }

  @Test
  void required_filtersNarrowTheGrid() {
    int all = driver.findElements(By.cssSelector("#matrix td[data-key]")).size();
    new Select(driver.findElement(By.id("f-library"))).selectByValue("numpy");
    new Select(driver.findElement(By.id("f-dtype"))).selectByValue("float32");
    List<WebElement> cells = driver.findElements(By.cssSelector("#matrix td[data-key]"));
    assertTrue(cells.size() > 0 && cells.size() < all, cells.size() + " of " + all);
    assertTrue(cells.stream().allMatch(c -> c.getAttribute("data-key").startsWith("numpy|")
        && c.getAttribute("data-key").contains("|float32|")));
    new Select(driver.findElement(By.id("f-verdict"))).selectByValue("strict");
    List<WebElement> rows = driver.findElements(By.cssSelector("#matrix tbody tr"));
    assertTrue(rows.size() > 0);
    for (WebElement r : rows) {
      assertFalse(r.findElements(By.cssSelector("td.v-strict")).isEmpty(), r.getText());
    }
    new Select(driver.findElement(By.id("f-function"))).selectByValue("relu");
    new Select(driver.findElement(By.id("f-of"))).selectByValue("value");
    assertEquals(1, driver.findElements(By.cssSelector("#matrix tbody tr")).size());
    for (String id : List.of("f-library", "f-dtype", "f-verdict", "f-function", "f-of")) {
      new Select(driver.findElement(By.id(id))).selectByIndex(0);
    }
    assertEquals(all, driver.findElements(By.cssSelector("#matrix td[data-key]")).size());
  }
}
