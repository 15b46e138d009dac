package io.flowpack.generate.tokenizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer as Stable Diffusion pipelines use it ({@code padding="max_length",
 * truncation=True}): text NFC-normalised, white space collapsed, lower-cased; split by CLIP's pattern; each piece
 * as UTF-8 bytes mapped to BPE characters, {@code </w>} on its last character, merged by rank from
 * {@code merges.txt}; ids from {@code vocab.json}. The result is {@code <|startoftext|>}, at most
 * {@code maxLength − 2} tokens, {@code <|endoftext|>}, then the pad token up to {@code maxLength} (77).
 *
 * <p>The pad token is the one {@code special_tokens_map.json} or {@code tokenizer_config.json} name (SD 1.x:
 * {@code <|endoftext|>}; SD 2.x: {@code !}), else {@code <|endoftext|>}. Not done: ftfy's mojibake repair and
 * HTML-entity unescaping of the Python tokenizer.
 */
public final class ClipTokenizer {
    public static final String START = "<|startoftext|>";
    public static final String END = "<|endoftext|>";
    public static final int DEFAULT_MAX_LENGTH = 77;

    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CACHED_PIECES = 50_000;

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks;
    private final int startId;
    private final int endId;
    private final int padId;
    private final int maxLength;
    private final Map<String, List<Integer>> cache = new ConcurrentHashMap<>();

    public ClipTokenizer(Map<String, Integer> vocab, List<String> merges, String padToken, int maxLength) {
        this.vocab = Map.copyOf(vocab);
        this.ranks = new HashMap<>();
        for (int i = 0; i < merges.size(); i++) {
            ranks.putIfAbsent(merges.get(i), i);
        }
        this.startId = id(START);
        this.endId = id(END);
        this.padId = id(padToken);
        if (maxLength < 2) {
            throw new TokenizerException("max length must be at least 2, got " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Reads {@code vocab.json} and {@code merges.txt} of a tokenizer folder, and the pad token and
     * {@code model_max_length} from {@code special_tokens_map.json}/{@code tokenizer_config.json} when present.
     */
    public static ClipTokenizer load(Path folder) {
        Path vocabFile = folder.resolve("vocab.json");
        Path mergesFile = folder.resolve("merges.txt");
        Map<String, Integer> vocab;
        List<String> merges = new ArrayList<>();
        try {
            vocab = JSON.readValue(vocabFile.toFile(), new TypeReference<Map<String, Integer>>() { });
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + vocabFile + " (a JSON object of token → id): "
                    + e.getMessage(), e);
        }
        try {
            List<String> lines = Files.readAllLines(mergesFile, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) {
                    continue;
                }
                if (line.split(" ").length != 2) {
                    throw new TokenizerException(mergesFile + " line " + (i + 1) + ": a merge is two symbols separated"
                            + " by one space, got '" + line + "'");
                }
                merges.add(line);
            }
        } catch (IOException e) {
            throw new TokenizerException("cannot read " + mergesFile + ": " + e.getMessage(), e);
        }
        String pad = END;
        int maxLength = DEFAULT_MAX_LENGTH;
        for (String name : List.of("tokenizer_config.json", "special_tokens_map.json")) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    JsonNode config = JSON.readTree(file.toFile());
                    pad = token(config.get("pad_token"), pad);
                    if (config.path("model_max_length").isInt() && config.get("model_max_length").asInt() < 4096) {
                        maxLength = config.get("model_max_length").asInt();
                    }
                } catch (IOException e) {
                    throw new TokenizerException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return new ClipTokenizer(vocab, merges, pad, maxLength);
    }

    /** Token ids of one prompt: start, tokens (truncated), end, padding — always {@link #maxLength()} long. */
    public int[] encode(String text) {
        int[] ids = new int[maxLength];
        Arrays.fill(ids, padId);
        ids[0] = startId;
        int at = 1;
        for (int token : tokens(text)) {
            if (at == maxLength - 1) {
                break;
            }
            ids[at++] = token;
        }
        ids[at] = endId;
        return ids;
    }

    /** The BPE token ids of a text, without start, end or padding. */
    public List<Integer> tokens(String text) {
        String clean = SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        List<Integer> ids = new ArrayList<>();
        Matcher m = PIECES.matcher(clean);
        if (cache.size() > MAX_CACHED_PIECES) {
            cache.clear();
        }
        while (m.find()) {
            ids.addAll(cache.computeIfAbsent(m.group(), this::bpeIds));
        }
        return ids;
    }

    public int maxLength() {
        return maxLength;
    }

    public int padId() {
        return padId;
    }

    private List<Integer> bpeIds(String piece) {
        if (piece.equals(START) || piece.equals(END)) {
            return List.of(id(piece));
        }
        List<String> symbols = new ArrayList<>();
        String chars = ByteUnicode.encode(piece);
        for (int i = 0; i < chars.length(); i++) {
            symbols.add(i == chars.length() - 1 ? chars.charAt(i) + "</w>" : String.valueOf(chars.charAt(i)));
        }
        while (symbols.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            String first = symbols.get(best);
            String second = symbols.get(best + 1);
            List<String> merged = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {      // merge every occurrence of the pair, left to right
                if (i + 1 < symbols.size() && symbols.get(i).equals(first) && symbols.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(symbols.get(i));
                }
            }
            symbols = merged;
        }
        List<Integer> ids = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            Integer id = vocab.get(symbol);
            ids.add(id != null ? id : endId);                   // the unknown token is <|endoftext|>, as in CLIP
        }
        return List.copyOf(ids);
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new TokenizerException("the vocabulary has no token '" + token + "'");
        }
        return id;
    }

    private static String token(JsonNode node, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.path("content").isTextual() ? node.get("content").asText() : fallback;
    }
}
