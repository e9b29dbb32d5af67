package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report as a reader meets it, in a real browser: Debian's Chromium (installed by {@code .ci/ensure-chromium}
 * before the tests; Playwright never downloads one) opens {@code evaluate}'s report at 1400 × 900 and at 900 × 900.
 * Fails, never skips, when Chromium is missing. Screenshots: target/report-1400.png, target/report-900.png.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MOSAIC_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    static Playwright playwright;
    static Browser browser;
    static String url;

    @BeforeAll
    static void open() {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at " + CHROMIUM + " (installed by .ci/ensure-chromium; "
                + "or set MOSAIC_CHROMIUM)").isTrue();
        url = EvaluatedReport.dir().resolve("index.html").toUri().toString();
        assertThat(EvaluatedReport.run().exit()).as(EvaluatedReport.run().err()).isZero();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private static Page page(int width, int height) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        page.navigate(url);
        return page;
    }

    @Test
    void summaryAndRunMetadataComeFirst_issue12() {
        Page page = page(1400, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "report-1400.png")));
        // the first heading of the page's body is the summary; the run metadata sits above it; both in the first screen
        assertThat(page.evaluate("document.querySelector('main h2').textContent")).isEqualTo("Summary of findings");
        double meta = ((Number) page.evaluate("document.getElementById('run-summary').getBoundingClientRect().top")).doubleValue();
        double summary = ((Number) page.evaluate("document.getElementById('summary').getBoundingClientRect().top")).doubleValue();
        assertThat(meta).isLessThan(summary);
        assertThat(summary).isLessThan(900);
        assertThat(((Number) page.evaluate("document.querySelectorAll('#summary li').length")).intValue()).isGreaterThanOrEqualTo(10);
        page.close();
    }

    /** JavaScript: the tables wider than the window that no scroll box of at most the window's width holds. */
    private static final String UNBOXED_WIDE_TABLES = """
            () => {
              const w = window.innerWidth, bad = [];
              for (const t of document.querySelectorAll('table')) {
                const r = t.getBoundingClientRect();
                if (r.right <= w + 0.5 && r.width <= w) continue;
                let boxed = false;
                for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
                  const o = getComputedStyle(e).overflowX;
                  if ((o === 'auto' || o === 'scroll') && e.getBoundingClientRect().right <= w + 0.5) { boxed = true; break; }
                }
                if (!boxed) bad.push((t.closest('section') || {}).id + ': ' + t.querySelector('tr').textContent.slice(0, 80));
              }
              return bad;
            }""";

    @Test
    void noTableWiderThanTheWindowOutsideItsOwnScrollBox_issue12() {
        for (int width : new int[] {1400, 900}) {
            Page page = page(width, 900);
            assertThat((List<?>) page.evaluate(UNBOXED_WIDE_TABLES)).as("at " + width + " px").isEmpty();
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).as("page width at " + width + " px")
                    .isLessThanOrEqualTo(width);
            page.close();
        }
    }

    @Test
    void tableOfContentsStaysVisibleAfterScrolling_issue12() {
        for (int width : new int[] {1400, 900}) {
            Page page = page(width, 900);
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)");
            page.waitForFunction("window.scrollY > 1000");
            Map<?, ?> toc = (Map<?, ?>) page.evaluate("(() => { const r = document.getElementById('toc').getBoundingClientRect();"
                    + " return {top: r.top, bottom: r.bottom, links: document.querySelectorAll('#toc a[href^=\"#\"]').length}; })()");
            assertThat(((Number) toc.get("top")).doubleValue()).as("toc top at " + width + " px").isBetween(-0.5, 10.0);
            assertThat(((Number) toc.get("bottom")).doubleValue()).as("toc bottom at " + width + " px").isGreaterThan(20);
            assertThat(((Number) toc.get("links")).intValue()).isGreaterThanOrEqualTo(7);
            // a link of the contents still works from there
            page.click("#toc a[href='#fleet']");
            page.waitForFunction("Math.abs(document.getElementById('fleet').getBoundingClientRect().top) < 80");
            if (width == 900) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "report-900.png")));
            } else {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "report-1400-scrolled.png")));
            }
            page.close();
        }
    }
}
