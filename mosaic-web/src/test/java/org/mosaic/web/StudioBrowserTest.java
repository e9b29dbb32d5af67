package org.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mosaic.cluster.fleet.Policy;

/**
 * The studio as a user meets it, in a real browser: Debian's Chromium (installed by {@code .ci/ensure-chromium};
 * Playwright never downloads one) against a studio started on a free loopback port. Every page loads (a screenshot of
 * each under target/screenshots/), a changed value redraws the chart and the numbers, an invalid value shows the
 * server's message next to its field, two designs show their differences, the result download is the API's JSON, and a
 * job shows its progress and can be cancelled. Fails, never skips, when Chromium is missing; skipped only when the UI was
 * not built ({@code -Dskip.npm}).
 */
class StudioBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MOSAIC_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    static final Path SHOTS = Path.of("target", "screenshots");
    /** How long one page may take to answer on a loaded machine (the studies themselves take milliseconds). */
    static final double WAIT_MS = 120_000;

    static Studio studio;
    /** The studio's jobs: one runs at a time, so a test can hold the worker and see a job wait, then cancel it. */
    static Jobs jobs;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void open() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skip.npm"), "the UI was not built (-Dskip.npm)");
        assertThat(Studio.class.getResource(Studio.STATIC + "/index.html"))
                .as("the UI's index.html on the classpath (built by mosaic-web/src/main/frontend/build.sh in generate-resources)")
                .isNotNull();
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at " + CHROMIUM + " (installed by .ci/ensure-chromium; "
                + "or set MOSAIC_CHROMIUM)").isTrue();
        Files.createDirectories(SHOTS);
        jobs = new Jobs(1, 8, java.time.Duration.ofMinutes(10), 32, Limits.JOB_SECONDS);
        studio = Studio.start("127.0.0.1", 0, jobs);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
        if (studio != null) {
            studio.close();
        }
    }

    /** A page of the studio with its script errors collected. */
    record Opened(Page page, List<String> errors) {
        /** Waits until every run the page started has answered. */
        void settle() {
            page.waitForFunction("document.body.dataset.state === 'done'", null, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        }

        String text(String selector) {
            return page.locator(selector).first().innerText().trim();
        }

        void shot(String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
        }
    }

    static Opened open(String pageId, int width) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 1000).setAcceptDownloads(true));
        page.setDefaultTimeout(WAIT_MS);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(studio.url() + "#/" + pageId);
        Opened o = new Opened(page, errors);
        o.settle();
        return o;
    }

    /** Opens a page and waits until its runs answered, or its long work runs as a job (then its bar shows its progress). */
    static Opened openLoaded(String pageId, int width) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 1000));
        page.setDefaultTimeout(WAIT_MS);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(studio.url() + "#/" + pageId);
        page.waitForFunction("document.body.dataset.state === 'done' || document.querySelector('#runs .job[data-state=running]') !== null",
                null, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        return new Opened(page, errors);
    }

    /** Opens the document editor of design {@code design}'s input and sets one of its keys. */
    static void setDocumentKey(Opened o, String design, String input, String path, String value) {
        Locator form = o.page.locator(".design[data-design='" + design + "']");
        Locator tree = form.locator(".field.document[data-key='" + input + "'] details.tree");
        if (tree.getAttribute("open") == null) {
            tree.locator("summary").click();
        }
        Locator leaf = form.locator(".field.leaf[data-key='" + input + "." + path + "'] input");
        leaf.waitFor();
        leaf.fill(value);
        o.page.waitForFunction("document.body.dataset.state !== 'done'", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        o.settle();
    }

    static String post(String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(studio.url() + path.substring(1))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    static JsonNode api(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(studio.url() + path.substring(1)));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return Json.parse(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void everyPageLoadsWithoutAScriptErrorAndIsScreenshotted() throws Exception {
        JsonNode studies = api("GET", "/api/studies", null);
        Opened first = open("", 1440);
        List<String> pages = first.page.locator("#picker a").all().stream().map(a -> a.getAttribute("data-page")).toList();
        first.page.close();
        assertThat(pages).as("the picker's groups").contains("channel", "cable", "compare", "emulate", "flr", "fleet", "train", "goodput", "inference");
        for (String id : pages) {
            Opened o = openLoaded(id, 1440);
            String study = o.page.evaluate("document.body.dataset.page === 'generic' ? location.hash.slice(8) : null") instanceof String s ? s : null;
            boolean bindable = true;
            for (JsonNode s : studies) {
                if (s.get("name").asText().equals(study == null ? pageStudy(o) : study)) {
                    bindable = s.get("bindable").asBoolean();
                }
            }
            o.shot(id.replace('/', '-'));
            assertThat(o.errors).as("script errors on " + id).isEmpty();
            if (bindable && o.page.locator("#runs .job").count() > 0) {
                assertThat(o.page.locator("#runs .job progress").count()).as("a job's progress bar on " + id).isPositive();
            } else if (bindable && id.startsWith("study/") && o.page.locator(".field.invalid .msg").count() > 0) {
                // a study without a page of its own whose required input has no default says so at that input
                assertThat(o.page.locator(".field.invalid .msg").first().innerText()).as(id + "'s missing input").contains("expected");
            } else if (bindable) {
                assertThat(o.page.locator(".formproblems .problem").count()).as("refusals on " + id + "'s defaults").isZero();
                assertThat(o.page.locator("#results .card, #results figure, #results details.numbers").count()).as("results on " + id).isPositive();
            } else {
                assertThat(o.text("#results")).as(id + " says why it cannot run").contains("cannot bind");
            }
            // a long study runs as a job: its bar shows, and Cancel stops it on the server
            for (Locator cancel : o.page.locator("#runs .job button.cancel").all()) {
                cancel.click();
            }
            o.page.close();
        }
        // a laptop's narrow window: the same page, no sideways scrolling
        Opened narrow = open("cable", 900);
        narrow.shot("cable-900");
        assertThat(((Number) narrow.page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(900);
        wideTablesSayTheyScroll(narrow);
        narrow.page.close();
    }

    /**
     * Issue 20: a table wider than its box (columns hidden to the right) shows the scroll hint and the scrolls class (edge
     * shadows, a shown scrollbar); a table that fits shows neither.
     */
    static void wideTablesSayTheyScroll(Opened o) {
        o.page.waitForTimeout(100);   // the marks are set on the next animation frame
        Object bad = o.page.evaluate("[...document.querySelectorAll('.tablebox')].filter(b => b.offsetParent !== null).filter(b => {"
                + " const over = b.scrollWidth > b.clientWidth + 1; const h = b.previousElementSibling;"
                + " const hinted = !!h && h.classList.contains('scrollhint') && !h.hidden;"
                + " return over !== b.classList.contains('scrolls') || over !== hinted; }).map(b => b.scrollWidth + '/' + b.clientWidth).join(', ')");
        assertThat((String) bad).as("tables whose hint does not match their overflow").isEmpty();
    }

    private static String pageStudy(Opened o) {
        return (String) o.page.evaluate("document.body.dataset.page");
    }

    @Test
    void changingAValueRedrawsTheChartAndTheNumbers() {
        Opened o = open("cable", 1440);
        String grid = o.text(".card[data-metric='array'] .v");
        String channels = o.text(".card[data-metric='channels'] .v");
        String chart = o.page.locator("figure.chart .plot.uplot-host").first().getAttribute("data-sig");
        String array = o.page.locator("svg.array").first().innerHTML();
        setDocumentKey(o, "A", "cable", "plan.spares", "40");
        assertThat(o.text(".card[data-metric='channels'] .v")).as("data / parity / spare").isNotEqualTo(channels).endsWith("/ 40");
        assertThat(o.text(".card[data-metric='array'] .v")).as("rows × columns with 20 more spares").isNotEqualTo(grid);
        assertThat(o.page.locator("figure.chart .plot.uplot-host").first().getAttribute("data-sig")).as("spares-exhausted chart").isNotEqualTo(chart);
        assertThat(o.page.locator("svg.array").first().innerHTML()).as("the array drawing").isNotEqualTo(array);
        assertThat(o.page.locator(".field.leaf[data-key='cable.plan.spares']").getAttribute("class")).contains("edited");
        o.shot("cable-edited");
        // the README's picture (docs/images/studio.png is a copy): one screen of a design being edited
        o.page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("studio.png")));
        assertThat(o.errors).isEmpty();
        o.page.close();
    }

    /** The chart's drawing: a uPlot chart's data signature, an eye's pixels. */
    static String drawing(Opened o, String figureClass) {
        Locator f = o.page.locator("figure." + figureClass).first();
        f.waitFor();
        Object sig = o.page.evaluate("(f) => { const c = f.querySelector('canvas'); const p = f.querySelector('.plot');"
                + " return p && p.dataset.sig ? p.dataset.sig : c ? c.toDataURL() : null; }", f.elementHandle());
        assertThat(sig).as(figureClass + " drawn").isNotNull();
        return (String) sig;
    }

    @Test
    void theChannelsEyeBathtubAndBerAgainstLengthAppearAndChangeWithAValue() {
        Opened o = open("channel", 1440);
        String eye = drawing(o, "eyechart");
        String tub = drawing(o, "bathtub");
        String length = drawing(o, "berlength");
        assertThat(o.page.locator("figure.eyechart figcaption").innerText()).contains("20 m");
        o.shot("channel-eye-bathtub");
        // less light: every picture of the channel moves (all drawn from channel-eye's and channel-sweep's JSON)
        setDocumentKey(o, "A", "scenario", "led.averagePower", "300 uW");
        assertThat(drawing(o, "eyechart")).as("the eye").isNotEqualTo(eye);
        assertThat(drawing(o, "bathtub")).as("the bathtub").isNotEqualTo(tub);
        assertThat(drawing(o, "berlength")).as("BER against length").isNotEqualTo(length);
        o.shot("channel-eye-bathtub-300uW");
        assertThat(o.errors).isEmpty();
        o.page.close();
    }

    @Test
    void theFrameLossRatioByMappingAppearsAndChangesWithTheDeadChannels() {
        Opened o = open("flr", 1440);
        String chart = drawing(o, "flrchart");
        // the symbol mapping: under the default single-symbol PCS dealing (issue 17) the bit mapping meets the target at
        // no BER with one dead channel already, so its card reads "none" at 1 and at 3 dead channels
        String symbol = o.text(".card[data-metric='at-symbol'] .v");
        assertThat(o.text(".card[data-metric='at-bit'] .v")).isEqualTo("none");
        assertThat(o.page.locator("figure.flrchart figcaption").innerText()).contains("dead channel 21");
        o.shot("flr-1-dead");
        Locator dead = o.page.locator(".design[data-design='A'] .field[data-key='deadChannels'] input");
        dead.fill("3");
        o.page.waitForFunction("document.body.dataset.state !== 'done'", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        o.settle();
        assertThat(drawing(o, "flrchart")).as("the curves").isNotEqualTo(chart);
        assertThat(o.page.locator("figure.flrchart figcaption").innerText()).contains("21, 210, 378");
        assertThat(o.text(".card[data-metric='dead'] .v")).isEqualTo("3");
        assertThat(o.text(".card[data-metric='at-symbol'] .v")).as("the symbol mapping's BER at the target").isNotEqualTo(symbol);
        o.shot("flr-3-dead");
        assertThat(o.errors).isEmpty();
        o.page.close();
    }

    /** Issue 20: the train page draws the result's pipelineSchedule, one row per stage, one rectangle per interval. */
    @Test
    void theTrainPageDrawsTheStepsPipelineTimelineFromTheResult() throws Exception {
        Opened o = open("train", 1440);
        JsonNode r = api("POST", "/api/studies/train/run", "{\"timeline\": true}");
        JsonNode sc = r.get("pipelineSchedule");
        int intervals = 0;
        for (JsonNode st : sc.get("byStage")) {
            intervals += st.get("end").size();
        }
        assertThat(o.page.locator("svg.timeline").count()).isEqualTo(1);
        assertThat(o.page.locator("svg.timeline rect").count()).as("one rectangle per interval of the result").isEqualTo(intervals);
        assertThat(o.page.locator("svg.timeline text.tl-label", new Page.LocatorOptions().setHasText("stage ")).count())
                .as("one row per stage").isEqualTo(sc.get("stages").intValue());
        int forwards = 0;
        int forward = 0;
        for (int k = 0; k < sc.get("kinds").size(); k++) {
            forward = sc.get("kinds").get(k).asText().equals("forward") ? k : forward;
        }
        for (JsonNode st : sc.get("byStage")) {
            for (JsonNode k : st.get("kind")) {
                forwards += k.intValue() == forward ? 1 : 0;
            }
        }
        assertThat(o.page.locator("svg.timeline rect[data-kind=forward]").count()).isEqualTo(forwards);
        assertThat(o.page.locator(".blegend span[data-kind=forward]").getAttribute("data-count")).isEqualTo(Integer.toString(forwards));
        assertThat(o.text(".pipeline figcaption")).contains(r.get("planLabel").asText());
        assertThat(o.errors).isEmpty();
        o.shot("train-timeline");
        o.page.close();
    }

    /** Issue 20: the fleet page draws the result's floor: a square per rack, a line or ring per rack pair, the result's counts. */
    @Test
    void theFleetPageDrawsTheFloorWithTheResultsCounts() throws Exception {
        Opened o = open("fleet", 1440);
        JsonNode r = api("POST", "/api/studies/fleet/run", "{\"floor\": true}");
        JsonNode f = r.get("floor");
        assertThat(o.page.locator("svg.floor rect.rack").count()).as("a square per rack").isEqualTo(r.get("racks").intValue());
        assertThat(o.page.locator("svg.floor rect.rack[data-role=gpu]").count()).isEqualTo(r.get("gpuRacks").intValue());
        assertThat(o.page.locator("svg.floor .link").count()).as("a line or ring per rack pair").isEqualTo(f.get("links").get("count").size());
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) f.get("linksByTechnology")::fields) {
            String tech = e.getKey();
            assertThat(o.page.locator(".floorplan .blegend span[data-tech='" + tech + "']").getAttribute("data-count"))
                    .as("legend of " + tech).isEqualTo(e.getValue().asText());
            Object drawn = o.page.evaluate("t => [...document.querySelectorAll('svg.floor .link')].filter(x => x.dataset.tech === t)"
                    + ".reduce((a, x) => a + Number(x.dataset.count), 0)", tech);
            assertThat(((Number) drawn).longValue()).as("links drawn on " + tech).isEqualTo(e.getValue().longValue());
        }
        assertThat(o.errors).isEmpty();
        o.shot("fleet-floor");
        // several policies compared (on the 16k cluster, to keep the page quick): floorPolicy picks whose floor is drawn, and
        // the legend's counts are that policy's floor; the three edits land in one run
        Locator design = o.page.locator(".design[data-design='A']");
        design.locator(".field[data-key='cluster'] select.preset").selectOption("h100-16k");
        design.locator(".field[data-key='comparePolicies'] input").check();
        design.locator("details.more").evaluate("d => { d.open = true; }");   // floorPolicy has no default: under "More inputs"
        design.locator(".field[data-key='floorPolicy'] select").selectOption(Policy.MOSAIC);
        o.page.waitForFunction("document.body.dataset.state !== 'done'", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        o.settle();
        assertThat(o.page.locator(".floorplan figcaption").count()).as(o.text("#status") + " / " + o.text("#results")).isPositive();
        JsonNode picked = api("POST", "/api/studies/fleet/run", "{\"cluster\": \"h100-16k\", \"floor\": true, \"comparePolicies\": true, \"floorPolicy\": \"mosaic\"}")
                .get("floor");
        assertThat(picked.get("policy").asText()).isEqualTo(Policy.MOSAIC);
        assertThat(o.text(".floorplan figcaption")).contains("Floor under mosaic");
        JsonNode today = api("POST", "/api/studies/fleet/run", "{\"cluster\": \"h100-16k\", \"floor\": true, \"comparePolicies\": true}").get("floor");
        assertThat(today.get("policy").asText()).isEqualTo(Policy.TODAY);
        assertThat(picked.get("linksByTechnology")).as("mosaic's floor is not today's").isNotEqualTo(today.get("linksByTechnology"));
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) picked.get("linksByTechnology")::fields) {
            assertThat(o.page.locator(".floorplan .blegend span[data-tech='" + e.getKey() + "']").getAttribute("data-count"))
                    .as("mosaic's legend of " + e.getKey()).isEqualTo(e.getValue().asText());
        }
        assertThat(o.page.locator(".floorplan .blegend span[data-tech]").count()).isEqualTo(picked.get("linksByTechnology").size());
        wideTablesSayTheyScroll(o);
        assertThat(o.errors).isEmpty();
        o.shot("fleet-floor-mosaic");
        o.page.close();
    }

    @Test
    void anInvalidValueShowsTheServersMessageNextToItsField() {
        Opened o = open("channel", 1440);
        setDocumentKey(o, "A", "scenario", "fiber.length", "abc");
        Locator field = o.page.locator(".field.leaf[data-key='scenario.fiber.length']");
        assertThat(field.getAttribute("class")).contains("invalid");
        assertThat(field.locator(".msg").innerText()).as("the value, what was expected").contains("abc").contains("expected").contains("m");
        assertThat(o.text("#status")).contains("refused");
        o.shot("channel-invalid");
        // corrected, the message goes and the numbers come back
        setDocumentKey(o, "A", "scenario", "fiber.length", "30 m");
        assertThat(field.getAttribute("class")).doesNotContain("invalid");
        assertThat(o.text(".card[data-metric='fibre length'] .v")).isEqualTo("30 m");
        assertThat(o.errors).isEmpty();
        o.page.close();
    }

    @Test
    void twoDesignsSideBySideHighlightTheirDifferences() {
        Opened o = open("channel", 1700);
        o.page.locator("#compare").check();
        o.settle();
        assertThat(o.page.locator(".design").count()).isEqualTo(2);
        assertThat(o.page.locator(".card.diff").count()).as("identical designs differ nowhere").isZero();
        setDocumentKey(o, "B", "scenario", "fiber.length", "25 m");
        assertThat(o.page.locator(".card.diff[data-metric='fibre length']").count()).isEqualTo(1);
        assertThat(o.page.locator(".card[data-metric='fibre length'] .v[data-design='B']").innerText()).contains("25 m");
        assertThat(o.page.locator(".design[data-design='B'] .field.leaf.diff[data-key='scenario.fiber.length']").count()).isEqualTo(1);
        assertThat(o.page.locator("details.numbers tr.diff").count()).isPositive();
        o.shot("channel-two-designs");
        assertThat(o.errors).isEmpty();
        o.page.close();
    }

    @Test
    void theResultDownloadIsTheApisJsonForTheSameInputs() throws Exception {
        Opened o = open("cable", 1440);
        Download d = o.page.waitForDownload(() -> o.page.locator(".design[data-design='A'] button[data-dl='json']").click());
        Download inputs = o.page.waitForDownload(() -> o.page.locator(".design[data-design='A'] button[data-dl='inputs']").click());
        String text = post("/api/studies/cable/run", Files.readString(inputs.path()));
        assertThat(Files.readString(d.path())).as("the downloaded result, byte for byte the API's answer").isEqualTo(text);
        JsonNode api = Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Download csv = o.page.waitForDownload(() -> o.page.locator(".design[data-design='A'] button[data-dl='csv']").click());
        assertThat(Files.readString(csv.path())).as("the server's CSV: ./mosaic run cable --format csv")
                .startsWith("metric,value,unit\n").contains("\npower.perEndWatts," + api.at("/power/perEndWatts").asText() + ",W\n");
        Download doc = o.page.waitForDownload(() -> o.page.locator(".design[data-design='A'] button[data-dl='document']").click());
        JsonNode tree = Json.parse(Files.readAllBytes(doc.path()));
        assertThat(tree.get("kind").asText()).isEqualTo("cable");
        Download yaml = o.page.waitForDownload(() -> o.page.locator(".design[data-design='A'] button[data-dl='yaml']").click());
        assertThat(yaml.suggestedFilename()).endsWith(".yaml");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Files.readString(yaml.path()))).as("the YAML download is the same document").isEqualTo(tree);
        o.page.close();
    }

    @Test
    void aJobShowsItsProgressAndCanBeCancelled() throws Exception {
        // hold the studio's one worker, reporting progress, so that the page's job waits in the queue
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Jobs.Job blocker = jobs.submit("blocker", p -> {
            p.task("holding the worker", 4);
            p.step();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }, e -> Json.object().put("error", String.valueOf(e)));
        try {
            Opened o = open("cable", 1440);
            o.page.locator("#asjob").check();
            Locator bar = o.page.locator("#runs .job");
            bar.waitFor();
            o.page.waitForFunction("document.querySelector('#runs .job')?.dataset.state === 'queued'", null,
                    new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
            assertThat(bar.locator(".jt").innerText()).contains("queued");
            assertThat(bar.locator("progress").count()).isEqualTo(1);
            o.shot("job-queued");
            String id = bar.getAttribute("data-job");
            bar.locator("button.cancel").click();
            o.settle();
            assertThat(bar.getAttribute("data-state")).isEqualTo("cancelled");
            assertThat(api("GET", "/api/jobs/" + id, null).get("state").asText()).as("the server's job").isEqualTo("cancelled");
            // the worker free again, the same page's job runs to its result and its bar goes
            release.countDown();
            o.page.locator("#runnow").click();
            o.settle();
            assertThat(o.page.locator("#runs .job").count()).as("a finished job's bar goes").isZero();
            assertThat(o.page.locator(".card[data-metric='power'] .v").innerText()).endsWith("W");
            assertThat(api("GET", "/api/jobs/" + blocker.id, null).get("state").asText()).isEqualTo("done");
            assertThat(o.errors).isEmpty();
            o.page.close();
        } finally {
            release.countDown();
        }
    }

    /**
     * Issue 20: the claims audit runs as a job (it runs other studies many times; a /run is refused): its bar shows progress,
     * Cancel stops it on the server, and with a small sample count the claims table appears when it is done.
     */
    @Test
    void theClaimsAuditRunsAsAJobWithProgressCancelAndItsTable() throws Exception {
        assertThat(post("/api/studies/claims/run", "{\"samples\": 2}")).contains("runs as a job");
        Opened o = openLoaded("claims", 1440);
        Locator samples = o.page.locator(".design[data-design='A'] .field[data-key='samples'] input");
        // two points per claim: the job runs to its end and the table shows every claim
        samples.fill("2");
        o.page.waitForFunction("document.body.dataset.state !== 'done'", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        o.settle();
        int rows = o.page.locator("section.claims table tbody tr").count();
        assertThat(rows).as("a row per claim").isPositive();
        assertThat(o.text(".card[data-metric='claims'] .v")).isEqualTo(Integer.toString(rows));
        assertThat(o.page.locator("section.claims thead th").allInnerTexts()).containsExactly("claim", "claimed", "value", "P5–P95", "verdict",
                "deciding input", "break-even");
        o.shot("claims");
        // the studio's most (64 points per claim): its bar shows the study's progress and Cancel stops it on the server
        samples.fill("64");
        Locator bar = o.page.locator("#runs .job");
        o.page.waitForFunction("(() => { const b = document.querySelector('#runs .job'); return b && b.dataset.state === 'running' "
                + "&& Number(b.querySelector('progress').value) > 0; })()", null, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        o.shot("claims-running");
        String id = bar.getAttribute("data-job");
        bar.locator("button.cancel").click();
        o.settle();
        // a running study stops at its next progress report: poll the server's job until it has
        String state = api("GET", "/api/jobs/" + id, null).get("state").asText();
        for (long until = System.nanoTime() + (long) (WAIT_MS * 1e6); state.equals("running") && System.nanoTime() < until; ) {
            Thread.sleep(250);
            state = api("GET", "/api/jobs/" + id, null).get("state").asText();
        }
        assertThat(state).as("the server's job").isEqualTo("cancelled");
        assertThat(o.errors).isEmpty();
        o.page.close();
    }
}
