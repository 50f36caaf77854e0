package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/CONFIG.md is the rendering of the declared schema as it is now. */
class ConfigDocsTest {
    private static final Path CONFIG_MD = Path.of("../../docs/CONFIG.md");

    @Test
    void committedConfigDocIsCurrent() throws IOException {
        assertThat(Files.readString(CONFIG_MD))
                .as(
                        "docs/CONFIG.md is not the rendering of the current config schema; regenerate it from the repository"
                                + " root with: " + ConfigDocs.REGENERATE)
                .isEqualTo(ConfigDocs.markdown());
    }

    @Test
    void everyBlockKeyAndRuleIsDocumented() {
        String md = ConfigDocs.markdown();
        for (Block b : ConfigSchema.blocks()) {
            if (!b.path().isEmpty()) assertThat(md).contains("### `" + b.path() + "`");
            for (Variant v : b.variants())
                for (Key k : v.keys())
                    assertThat(md).contains("| `" + k.name() + "` | " + k.doc().replace("|", "\\|"));
        }
        for (CompatibilityRule r : ConfigSchema.rules()) assertThat(md).contains(r.doc());
        assertThat(md).doesNotContain("<!-- schema -->").doesNotContain("<!-- rules -->");
    }
}
