package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFileTest {

    @TempDir
    Path dir;

    private static byte[] line(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<SpoolFile.Line> lines) {
        return lines.stream().map(l -> new String(l.json(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void readsOldestFirstAndRemovesOnlyTheAcknowledgedPrefix() {
        try (SpoolFile spool = SpoolFile.open(dir)) {
            spool.append(List.of(line("{\"a\":1}"), line("{\"a\":2}")));
            spool.append(line("{\"a\":3}"));
            List<SpoolFile.Line> head = spool.head(2);
            assertThat(texts(head)).containsExactly("{\"a\":1}", "{\"a\":2}");

            spool.remove(head.getFirst(), 1);

            assertThat(spool.size()).isEqualTo(2);
            assertThat(texts(spool.head(10))).containsExactly("{\"a\":2}", "{\"a\":3}");
        }
    }

    @Test
    void keepsPendingLinesAcrossReopeningAndTruncatesOnceEmpty() {
        try (SpoolFile spool = SpoolFile.open(dir)) {
            spool.append(List.of(line("one"), line("two"), line("three")));
            spool.remove(spool.head(1).getFirst(), 1);
        }
        try (SpoolFile reopened = SpoolFile.open(dir)) {
            assertThat(texts(reopened.head(10))).containsExactly("two", "three");
            List<SpoolFile.Line> rest = reopened.head(10);
            reopened.remove(rest.getLast(), rest.size());
            assertThat(reopened.isEmpty()).isTrue();
            assertThat(dir.resolve(SpoolFile.FILE_NAME)).isEmptyFile();
        }
        try (SpoolFile again = SpoolFile.open(dir)) {
            assertThat(again.isEmpty()).isTrue();
        }
    }

    @Test
    void dropsALineCutShortByACrash() throws Exception {
        Files.writeString(dir.resolve(SpoolFile.FILE_NAME), "complete\nhalf-writ", StandardOpenOption.CREATE);

        try (SpoolFile spool = SpoolFile.open(dir)) {
            spool.append(line("next"));
            assertThat(texts(spool.head(10))).containsExactly("complete", "next");
        }
    }

    @Test
    void concurrentAppendsKeepEveryLineWhole() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try (SpoolFile spool = SpoolFile.open(dir)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String pad = "x".repeat(200);
                        spool.append(line("{\"thread\":" + thread + ",\"i\":" + i + ",\"pad\":\"" + pad + "\"}"));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            List<String> lines = texts(spool.head(1_000));
            assertThat(lines).hasSize(200).allMatch(l -> l.startsWith("{\"thread\":") && l.endsWith("\"}"));
            assertThat(new HashSet<>(lines)).hasSize(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesALineWithALineBreak() {
        try (SpoolFile spool = SpoolFile.open(dir)) {
            assertThatThrownBy(() -> spool.append(line("two\nlines"))).isInstanceOf(IllegalArgumentException.class);
            assertThat(spool.isEmpty()).isTrue();
        }
    }
}
