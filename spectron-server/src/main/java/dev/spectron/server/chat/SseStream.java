package dev.spectron.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spectron.server.http.Json;
import dev.spectron.server.problem.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A chat reply as server-sent events: {@code data: {"delta": ...}} per piece of text, then an
 * {@code event: done} frame with the whole response, or an {@code event: error} frame with a
 * problem. The response starts with the first frame, so a failure before any text is still an
 * ordinary problem response with its status. A client that goes away does not stop the chat: the
 * reply is still stored, the remaining frames are dropped.
 */
final class SseStream {
    private final Context ctx;
    private OutputStream out;
    private boolean gone;

    /** A piece of the reply. */
    record Delta(String delta) {
    }

    /** The head of the final frame; the response's fields follow. */
    record Done(boolean done) {
    }

    SseStream(Context ctx) {
        this.ctx = ctx;
    }

    boolean started() {
        return out != null;
    }

    void delta(String text) {
        if (!text.isEmpty()) {
            frame(null, Json.write(new Delta(text)));
        }
    }

    /** The final frame: {@code done: true} and every field of the JSON response. */
    void done(String responseJson) {
        ObjectNode done = ((ObjectNode) Json.tree(new Done(true))).setAll((ObjectNode) Json.parseStored(responseJson));
        frame("done", Json.write(done));
    }

    void error(Problem problem) {
        frame("error", Json.write(problem));
    }

    private void frame(String event, String data) {
        if (gone) {
            return;
        }
        try {
            if (out == null) {
                ctx.status(200).contentType("text/event-stream; charset=utf-8");
                ctx.header("Cache-Control", "no-cache");
                ctx.header("X-Accel-Buffering", "no");
                out = ctx.res().getOutputStream();
            }
            String frame = (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }
}
