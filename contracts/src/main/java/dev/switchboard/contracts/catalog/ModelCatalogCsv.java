package dev.switchboard.contracts.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog's CSV format: one header line, then one model per line; {@code #} lines and blank lines are
 * skipped. Fields never contain commas, so there is no quoting.
 */
final class ModelCatalogCsv {

    static final String HEADER = "provider,model,input_per_mtok,output_per_mtok,cached_input_per_mtok,"
            + "cache_write_per_mtok,context_window,max_output_tokens,tools,vision,json_schema";

    private static final String[] COLUMNS = HEADER.split(",");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    private final String sourceName;
    private int lineNumber;
    private String @Nullable [] fields;

    private ModelCatalogCsv(String sourceName) {
        this.sourceName = sourceName;
    }

    static List<ModelInfo> parse(String csv, String sourceName) {
        return new ModelCatalogCsv(sourceName).parse(csv);
    }

    private List<ModelInfo> parse(String csv) {
        List<ModelInfo> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean headerSeen = false;
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw error(0, "header is '" + line + "' (expected '" + HEADER + "')");
                }
                headerSeen = true;
                continue;
            }
            ModelInfo info = row(line);
            if (!seen.add(info.provider() + "\u0000" + info.model())) {
                throw error(0, "duplicate model " + info.provider() + "/" + info.model());
            }
            models.add(info);
        }
        if (!headerSeen) {
            throw error(0, "no header line (expected '" + HEADER + "')");
        }
        return List.copyOf(models);
    }

    private ModelInfo row(String line) {
        fields = line.split(",", -1);
        if (fields.length != COLUMNS.length) {
            throw error(0, "has " + fields.length + " columns (expected " + COLUMNS.length + ": " + HEADER + ")");
        }
        Price price = new Price(decimal(3), decimal(4), optionalDecimal(5), optionalDecimal(6));
        long contextWindow = count(7);
        if (contextWindow == 0) {
            throw error(7, "context_window is 0 (expected a positive token count)");
        }
        long maxOutput = field(8).isEmpty() ? 0 : count(8);
        return new ModelInfo(text(1), text(2), price, contextWindow, maxOutput, bool(9), bool(10), bool(11));
    }

    private String text(int column) {
        String value = field(column);
        if (value.isEmpty()) {
            throw error(column, COLUMNS[column - 1] + " is empty (expected a value)");
        }
        return value;
    }

    private BigDecimal decimal(int column) {
        String value = field(column);
        if (!DECIMAL.matcher(value).matches()) {
            throw error(column, COLUMNS[column - 1] + " is '" + value
                    + "' (expected USD per million tokens as a plain decimal, e.g. 0.075)");
        }
        return new BigDecimal(value);
    }

    private @Nullable BigDecimal optionalDecimal(int column) {
        return field(column).isEmpty() ? null : decimal(column);
    }

    private long count(int column) {
        String value = field(column);
        if (!COUNT.matcher(value).matches()) {
            throw error(column, COLUMNS[column - 1] + " is '" + value + "' (expected a whole number of tokens)");
        }
        return Long.parseLong(value);
    }

    private boolean bool(int column) {
        String value = field(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(column, COLUMNS[column - 1] + " is '" + value + "' (expected true or false)");
        };
    }

    /** The trimmed value of a 1-based column. */
    private String field(int column) {
        String[] current = fields;
        if (current == null) {
            throw new IllegalStateException("no current row");
        }
        return current[column - 1].strip();
    }

    private CatalogFormatException error(int column, String problem) {
        return new CatalogFormatException(sourceName, lineNumber, column, problem);
    }
}
