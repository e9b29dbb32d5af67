package org.mosaic.web;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the studio: the checks made before any route, against the two ways a web page on another site could
 * reach a studio on this machine.
 * <ul>
 * <li><b>DNS rebinding</b>: a page on {@code evil.example} whose name is re-pointed to 127.0.0.1 sends its requests with
 * {@code Host: evil.example:8080}. Every request must name the studio's own address in its {@code Host}: the bound
 * address with its port, or, for a loopback studio, {@code localhost}, {@code 127.0.0.1} or {@code [::1]} with the port;
 * a studio bound to a wildcard ({@code 0.0.0.0}, {@code ::}) also takes an IP literal with the port, never a name it does
 * not know. Anything else is a 403.</li>
 * <li><b>Cross-site requests</b>: a browser names the page that sends a request in {@code Origin} (and in
 * {@code Sec-Fetch-Site}); a request from another origin is a 403. A POST must carry {@code Content-Type:
 * application/json} (415 otherwise): an HTML form on another site can only send form encodings or text/plain, and a
 * script that sets application/json across sites needs a CORS preflight, which the studio never grants.</li>
 * </ul>
 * A request with neither {@code Origin} nor {@code Sec-Fetch-Site} (curl, a script, the tests) passes the cross-site
 * check: only a browser can be tricked into sending one for another site, and a browser sends them.
 */
final class Guard {
    private final String host;
    private final boolean loopback;
    private final boolean wildcard;

    Guard(String host) {
        this.host = bare(host).toLowerCase(Locale.ROOT);
        boolean lo;
        boolean any;
        try {
            InetAddress a = InetAddress.getByName(this.host);
            lo = a.isLoopbackAddress();
            any = a.isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            lo = false;
            any = false;
        }
        this.loopback = lo;
        this.wildcard = any;
    }

    /** The host names (without port) a request may address, for the messages. */
    Set<String> names() {
        Set<String> s = new LinkedHashSet<>();
        s.add(host.contains(":") ? "[" + host + "]" : host);
        if (loopback || wildcard) {
            s.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        }
        return s;
    }

    /** Refuses (403) a {@code Host} header that is not this studio's address at {@code port}. */
    void checkHost(String header, int port) {
        String expected = String.join(", ", names().stream().map(n -> n + ":" + port).toList());
        if (header == null || header.isBlank()) {
            throw refusal(403, "Host", header, "the request names no Host: expected one of " + expected);
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
        String portText = colon > h.lastIndexOf(']') ? h.substring(colon + 1) : "80";
        if (!portText.equals(Integer.toString(port)) || !allowedName(name)) {
            throw refusal(403, "Host", header, "the request is addressed to " + clip(header) + ", which is not this studio's address "
                    + "(expected one of " + expected + "); the studio refuses other names so that a web page whose name is re-pointed "
                    + "to this machine (DNS rebinding) cannot use it (hint: open http://" + names().iterator().next() + ":" + port + "/)");
        }
    }

    private boolean allowedName(String name) {
        String n = bare(name);
        if (n.equals(host)) {
            return true;
        }
        boolean local = n.equals("localhost") || n.equals("127.0.0.1") || n.equals("::1");
        if ((loopback || wildcard) && local) {
            return true;
        }
        return wildcard && ipLiteral(n);
    }

    /**
     * Refuses (403) a request a browser sent from another site: an {@code Origin} that is not this studio (its scheme
     * http, its host allowed by {@link #checkHost}, the same port), or {@code Sec-Fetch-Site: cross-site}.
     */
    void checkOrigin(String origin, String fetchSite, int port) {
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            throw refusal(403, "Sec-Fetch-Site", fetchSite, "the browser says this request comes from another site; the studio answers "
                    + "only its own pages (hint: open the studio's own address)");
        }
        if (origin == null) {
            return;
        }
        boolean same = false;
        try {
            URI u = URI.create(origin.trim());
            int p = u.getPort() < 0 ? 80 : u.getPort();
            same = "http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && p == port && allowedName(u.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            same = false;
        }
        if (!same) {
            throw refusal(403, "Origin", origin, "the request comes from the page of " + clip(origin) + ", another site: the studio answers "
                    + "only its own pages (expected an origin http://HOST:" + port + " with HOST one of " + names() + ")");
        }
    }

    /** Refuses (415) a POST whose body is not declared {@code application/json}. */
    static void checkJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw refusal(415, "Content-Type", contentType, (contentType == null ? "the request declares no Content-Type"
                    : "the request's body is declared " + clip(contentType)) + ": the studio takes only application/json, so that a form on "
                    + "another site cannot start a study (hint: send the header Content-Type: application/json, e.g. curl -H "
                    + "'Content-Type: application/json' -d '{}' ...)");
        }
    }

    private static ApiException refusal(int status, String header, String value, String message) {
        return new ApiException(status, message, List.of(new Problem(header, value == null ? null : TextNode.valueOf(clip(value)),
                header.equals("Content-Type") ? "application/json" : "this studio's own address", null, null)));
    }

    private static boolean ipLiteral(String n) {
        return n.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (n.contains(":") && n.matches("[0-9a-f:.]+"));
    }

    private static String bare(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
