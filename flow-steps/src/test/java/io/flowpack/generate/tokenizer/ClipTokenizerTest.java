package io.flowpack.generate.tokenizer;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token ids checked by hand against src/test/resources/generate/tokenizer (vocab.json, merges.txt). */
class ClipTokenizerTest {

    static Path folder() throws URISyntaxException {
        return Path.of(ClipTokenizerTest.class.getResource("/generate/tokenizer/vocab.json").toURI()).getParent();
    }

    @Test
    void mergesByRankAndPadsWithEndOfText() throws Exception {
        ClipTokenizer tokenizer = ClipTokenizer.load(folder());

        // "apples": a p p l e s</w> → ap (rank 0) → app (1) → le (4) → apple (5) → apples</w> (6) = 23
        // "on": o n</w> → on</w> (7) = 25;  "table": t a b l e</w> → le</w> (2) only → 6 0 1 20
        // ",": ,</w> = 15;  "apple": a p p l e</w> → ap, app, le</w> (2), apple</w> (3) = 21;  "!!": ! !</w> = 26 27
        int[] ids = tokenizer.encode("  Apples ON\ttable, apple!!  ");

        assertThat(ids).hasSize(77);
        assertThat(Arrays.copyOf(ids, 13)).containsExactly(40, 23, 25, 6, 0, 1, 20, 15, 21, 26, 27, 41, 41);
        assertThat(Arrays.stream(ids).skip(11)).containsOnly(41);
    }

    @Test
    void bytesBecomeBpeCharacters() throws Exception {
        ClipTokenizer tokenizer = ClipTokenizer.load(folder());

        // é = UTF-8 C3 A9 → 'Ã' '©</w>'; the soft hyphen U+00AD = C2 AD → 'Â' and, as 0xAD is not printable, the
        // 68th unprintable byte → U+0100 + 67 = 'Ń</w>'; digits are single pieces; 's splits off; unknown → 41
        assertThat(tokenizer.tokens("é")).containsExactly(29, 30);
        assertThat(tokenizer.tokens("\u00AD")).containsExactly(31, 32);
        assertThat(tokenizer.tokens("42")).containsExactly(33, 34);
        assertThat(tokenizer.tokens("apple's")).containsExactly(21, 28, 13);
        assertThat(tokenizer.tokens("zz")).containsExactly(41, 41);
    }

    @Test
    void truncatesKeepingStartAndEnd() throws Exception {
        ClipTokenizer tokenizer = ClipTokenizer.load(folder());
        ClipTokenizer short6 = new ClipTokenizer(Map.of("<|startoftext|>", 40, "<|endoftext|>", 41, "!", 26,
                "apples</w>", 23, "on</w>", 25), List.of("o n</w>"), "!", 6);

        assertThat(tokenizer.encode("apples ".repeat(100))).startsWith(40, 23, 23).endsWith(23, 41);
        assertThat(short6.encode("<|endoftext|> on on on on on")).containsExactly(40, 41, 25, 25, 25, 41);
        assertThat(short6.encode("on")).containsExactly(40, 25, 41, 26, 26, 26);
    }

    @Test
    void missingOrBrokenFilesAreNamed() throws Exception {
        Path empty = Files.createTempDirectory("tok");
        assertThatThrownBy(() -> ClipTokenizer.load(empty)).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("vocab.json");
        Files.writeString(empty.resolve("vocab.json"), "{\"a\": 0}");
        Files.writeString(empty.resolve("merges.txt"), "#version: 0.2\na b c\n");
        assertThatThrownBy(() -> ClipTokenizer.load(empty)).hasMessageContaining("merges.txt line 2");
        Files.writeString(empty.resolve("merges.txt"), "a b\n");
        assertThatThrownBy(() -> ClipTokenizer.load(empty)).hasMessageContaining("no token '<|startoftext|>'");
    }
}
