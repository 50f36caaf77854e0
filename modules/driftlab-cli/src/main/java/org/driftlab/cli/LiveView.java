package org.driftlab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.Progress;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.stats.ConditionAccumulator;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.CurveSummary;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.Metric;

/**
 * The state behind the live view of a running sweep ({@link LiveServer}): fed by the session with every
 * stored result, progress report, failure and re-dispatch notice, read as one JSON snapshot by the page. Per condition, the
 * statistics so far come from the report's own accumulators ({@link ConditionAccumulator}, the same
 * numbers {@code driftlab report} prints once the runs are stored). Thread-safe: results and progress arrive
 * on the submitter's thread, snapshots are taken on the server's.
 *
 * <p>Throughput and ETA: learner-steps done by this session (as its progress reports count them, runs under way
 * included), counted from the end of a warm-up ({@link #WARMUP_NANOS} after the first steps were reported: JIT,
 * cluster start and the first runs' skew are left out), over the time since; the ETA is the remaining steps at
 * that rate. None during the warm-up.
 *
 * <p>Per node ({@code host:port#uid}): the runs it computed that this session stored, the runs that failed
 * on it, and the runs dispatched again after they had started on it (its member became unreachable, or the run
 * outlasted the run timeout). Re-dispatches of runs not known to have started anywhere (a start timeout) are
 * counted apart, as not tied to a node.
 */
final class LiveView implements ProgressListener {
    static final long WARMUP_NANOS = 3_000_000_000L;
    /** Conditions in the page's table (a grid can have 100,000): the first ones in sweep order; the report has all. */
    static final int TABLE_ROWS = 200;
    /** Conditions whose loss curve is drawn (one colour each). */
    static final int CURVES = 10;

    private static final JsonFactory JSON = new JsonFactory();

    private final SweepSpec sweep;
    private final Path store;
    private final LongSupplier clock;
    private final Map<String, String> names = new LinkedHashMap<>(); // condition id → name, sweep order
    private final Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    private final Map<String, ConditionAccumulator> conditions = new LinkedHashMap<>();
    private final Map<String, NodeRuns> byNode = new TreeMap<>();
    private int redispatchedUntied; // re-dispatched before they were reported started on any node
    private Supplier<List<String>> members = List::of;
    private Progress progress;
    private long firstStepsNanos = -1;
    private long warmStartNanos = -1;
    private long warmStartSteps;
    private boolean finished;

    /** A view of {@code sweep} storing into {@code store}; {@code clock} in nanoseconds. */
    LiveView(SweepSpec sweep, Path store, LongSupplier clock) {
        this.sweep = sweep;
        this.store = store;
        this.clock = clock;
        for (RunSpec r : sweep.runs()) {
            if (!names.containsKey(r.conditionId())) {
                names.put(r.conditionId(), ConditionNames.of(r.params()));
                Map<String, Object> p = new LinkedHashMap<>();
                r.params().forEach(v -> p.put(v.key(), v.value()));
                params.put(r.conditionId(), p);
            }
        }
        this.progress = new Progress(0, sweep.runs().size(), 0, 0, 0, 0, 0.0, 0);
    }

    /** Where the nodes of the cluster come from (host:port with roles and status), once it has started. */
    synchronized void members(Supplier<List<String>> source) {
        this.members = source;
    }

    /** A run stored by this session. */
    synchronized void onResult(RunResult r) {
        conditions
                .computeIfAbsent(r.conditionId(), k -> new ConditionAccumulator())
                .add(r);
        node(r.node()).stored++;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        progress = p;
        if (p.learnerSteps() == 0) return;
        long now = clock.getAsLong();
        if (firstStepsNanos < 0) firstStepsNanos = now;
        if (warmStartNanos < 0 && now - firstStepsNanos >= WARMUP_NANOS) {
            warmStartNanos = now;
            warmStartSteps = p.learnerSteps();
        }
    }

    @Override
    public synchronized void onFailed(String runId, String node, String error) {
        node(node).failed++;
    }

    @Override
    public synchronized void onNotice(ClusterNotice notice) {
        if (notice.kind() != ClusterNotice.Kind.REDISPATCHING) return;
        if (notice.node() == null) redispatchedUntied += notice.runs();
        else node(notice.node()).redispatched += notice.runs();
    }

    private NodeRuns node(String name) {
        return byNode.computeIfAbsent(name, k -> new NodeRuns());
    }

    /** The sweep has ended (the page stops refreshing). */
    synchronized void finish() {
        finished = true;
    }

    /** Learner-steps per second since the warm-up ended; NaN before. */
    synchronized double stepsPerSecond() {
        long now = clock.getAsLong();
        if (warmStartNanos < 0 || now <= warmStartNanos) return Double.NaN;
        return (progress.learnerSteps() - warmStartSteps) * 1e9 / (now - warmStartNanos);
    }

    /** The snapshot the page shows, as JSON (numbers that are not finite as null). */
    synchronized String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sweep", sweep.name());
            g.writeStringField("store", store.toString());
            g.writeNumberField("total", progress.total());
            g.writeNumberField("done", progress.done());
            g.writeNumberField("skipped", progress.skipped());
            g.writeNumberField("failed", progress.failed());
            g.writeNumberField("nodesUp", progress.nodesUp());
            double rate = stepsPerSecond();
            number(g, "stepsPerSecond", rate);
            double remaining = progress.learnerStepsTotal() - progress.learnerSteps();
            number(g, "etaSeconds", progress.done() == progress.total() ? 0 : remaining / rate);
            g.writeBooleanField("warmingUp", !(rate >= 0) && progress.done() < progress.total());
            g.writeBooleanField("finished", finished);
            g.writeArrayFieldStart("nodes");
            for (Map.Entry<String, NodeRuns> e : byNode.entrySet()) {
                g.writeStartObject();
                g.writeStringField("node", e.getKey());
                g.writeNumberField("stored", e.getValue().stored);
                g.writeNumberField("failed", e.getValue().failed);
                g.writeNumberField("redispatched", e.getValue().redispatched);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("redispatchedUntied", redispatchedUntied);
            g.writeArrayFieldStart("members");
            for (String m : members()) g.writeString(m);
            g.writeEndArray();
            g.writeNumberField("conditionsTotal", names.size());
            g.writeArrayFieldStart("conditions");
            int row = 0;
            for (Map.Entry<String, String> c : names.entrySet()) {
                if (row == TABLE_ROWS) break;
                writeCondition(g, c.getKey(), c.getValue(), row++ < CURVES);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The cluster's members; none once it has gone (the page is still served while the summary prints). */
    private List<String> members() {
        try {
            return members.get();
        } catch (RuntimeException clusterGone) {
            return List.of();
        }
    }

    private void writeCondition(JsonGenerator g, String id, String name, boolean withCurve) throws IOException {
        ConditionAccumulator acc = conditions.get(id);
        g.writeStartObject();
        g.writeStringField("name", name);
        if (acc == null) {
            g.writeNumberField("runs", 0);
            g.writeEndObject();
            return;
        }
        ConditionStats s = acc.summary(id, params.get(id));
        g.writeNumberField("runs", s.runs());
        g.writeNumberField("diverged", s.divergedRuns());
        Summary excess = s.of(Metric.MEAN_EXCESS_LOSS);
        number(g, "meanExcessLoss", excess.mean());
        number(g, "ciLow", excess.ciLow());
        number(g, "ciHigh", excess.ciHigh());
        if (!withCurve) {
            g.writeEndObject();
            return;
        }
        CurveSummary curve = s.binnedLoss();
        g.writeArrayFieldStart("curve");
        for (int i = 0; i < curve.length(); i++) {
            g.writeStartArray();
            g.writeNumber(s.steps() * (i + 0.5) / curve.length()); // the bin's centre, in steps
            finite(g, curve.mean()[i]);
            finite(g, curve.ciLow()[i]);
            finite(g, curve.ciHigh()[i]);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        finite(g, v);
    }

    private static void finite(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumber(v);
        else g.writeNull();
    }

    /** One node's counts of this sweep's runs (see the class comment). */
    private static final class NodeRuns {
        int stored;
        int failed;
        int redispatched;
    }
}
