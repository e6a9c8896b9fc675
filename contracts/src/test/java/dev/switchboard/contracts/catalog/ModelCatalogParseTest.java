package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelCatalogParseTest {

    private static final String HEADER = ModelCatalogCsv.HEADER + "\n";

    private static CatalogFormatException failure(String csv) {
        return catchFormat(() -> ModelCatalog.parse(csv, "test.csv"));
    }

    private static CatalogFormatException catchFormat(Runnable parse) {
        try {
            parse.run();
        } catch (CatalogFormatException e) {
            return e;
        }
        throw new AssertionError("expected a CatalogFormatException");
    }

    @Test
    void skipsCommentsAndBlankLinesAndReadsOptionalFields() {
        ModelCatalog catalog = ModelCatalog.parse("# source: facts; as of 2026-08-01\n\n" + HEADER
                + "mistral,mistral-small-2603,0.15,0.6,,,256000,,true,true,false\n", "test.csv");

        ModelInfo info = catalog.all().getFirst();
        assertThat(info.price().cachedInput()).isNull();
        assertThat(info.price().cacheWrite()).isNull();
        assertThat(info.maxOutputTokens()).isZero();
        assertThat(info.knowsMaxOutputTokens()).isFalse();
        assertThat(info.tools()).isTrue();
        assertThat(info.jsonSchema()).isFalse();
    }

    @Test
    void namesTheLineAndColumnOfABadPrice() {
        CatalogFormatException e = failure("# comment\n" + HEADER + "openai,gpt-x,1.2.3,4,,,1000,10,true,true,true\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e).hasMessage("test.csv line 3, column 3: input_per_mtok is '1.2.3' "
                + "(expected USD per million tokens as a plain decimal, e.g. 0.075)");
    }

    @Test
    void rejectsFloatingPointNotation() {
        assertThat(failure(HEADER + "openai,gpt-x,1,7.5e-2,,,1000,10,true,true,true\n").column()).isEqualTo(4);
    }

    @Test
    void namesTheColumnOfABadBoolean() {
        CatalogFormatException e = failure(HEADER + "openai,gpt-x,1,4,,,1000,10,true,?,true\n");

        assertThat(e).hasMessage("test.csv line 2, column 10: vision is '?' (expected true or false)");
    }

    @Test
    void rejectsAZeroOrMissingContextWindow() {
        assertThat(failure(HEADER + "openai,gpt-x,1,4,,,0,10,true,true,true\n"))
                .hasMessage("test.csv line 2, column 7: context_window is 0 (expected a positive token count)");
        assertThat(failure(HEADER + "openai,gpt-x,1,4,,,,10,true,true,true\n"))
                .hasMessage("test.csv line 2, column 7: context_window is '' (expected a whole number of tokens)");
    }

    @Test
    void rejectsAMissingProvider() {
        assertThat(failure(HEADER + ",gpt-x,1,4,,,1000,10,true,true,true\n"))
                .hasMessage("test.csv line 2, column 1: provider is empty (expected a value)");
    }

    @Test
    void rejectsTheWrongNumberOfColumns() {
        CatalogFormatException e = failure(HEADER + "openai,gpt-x,1,4,1000,10,true,true,true\n");

        assertThat(e.column()).isZero();
        assertThat(e).hasMessageStartingWith("test.csv line 2: has 9 columns (expected 11: provider,model,");
    }

    @Test
    void rejectsAWrongHeader() {
        assertThat(failure("provider,model,input,output\n"))
                .hasMessageStartingWith("test.csv line 1: header is 'provider,model,input,output' (expected '");
        assertThat(failure("# only a comment\n")).hasMessageContaining("no header line");
    }

    @Test
    void rejectsADuplicateModel() {
        String row = "openai,gpt-x,1,4,,,1000,10,true,true,true\n";

        assertThat(failure(HEADER + row + row)).hasMessage("test.csv line 3: duplicate model openai/gpt-x");
    }
}
