package org.activationtck.runner.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium for the browser tests, driven by Selenium with the chromedriver installed
 * beside it (Debian: {@code apt-get install chromium chromium-driver}; {@code .ci/run} installs
 * them when missing). Nothing is downloaded: without a browser and a driver on this machine the
 * tests are skipped, and JUnit reports the reason.
 */
public final class Browser {

  private Browser() {}

  private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver",
      "/usr/lib/chromium/chromedriver", "/usr/local/bin/chromedriver");

  /** The first existing executable: the environment variable's value, then the usual places. */
  public static Path find(String env, List<String> candidates) {
    List<String> all = new ArrayList<>();
    String v = System.getenv(env);
    if (v != null && !v.isBlank()) {
      all.add(v);
    }
    all.addAll(candidates);
    for (String c : all) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** A headless Chromium with the console log kept, or the test is skipped with the reason. */
  public static ChromeDriver start() {
    Path chrome = find("CHROME_BIN", BROWSERS);
    Path driver = find("CHROMEDRIVER", DRIVERS);
    Assumptions.assumeTrue(chrome != null && driver != null, "browser test skipped: no "
        + (chrome == null ? "chromium (tried $CHROME_BIN, " + BROWSERS + ")" : "")
        + (chrome == null && driver == null ? " and no " : "")
        + (driver == null ? "chromedriver (tried $CHROMEDRIVER, " + DRIVERS + ")" : "")
        + "; install them with: apt-get install -y chromium chromium-driver");
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chrome.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
    o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driver.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, o);
  }

  /** Waits until the script expression is true (the page has drawn), or fails. */
  public static void await(ChromeDriver d, String expression, java.time.Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    while (!Boolean.TRUE.equals(d.executeScript("return !!(" + expression + ")"))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + limit + ": " + expression + "; console: " + errors(d));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The console's errors (level SEVERE: uncaught exceptions, console.error, failed loads). */
  public static List<String> errors(ChromeDriver d) {
    List<String> out = new ArrayList<>();
    for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add(e.getMessage());
      }
    }
    return out;
  }
}
