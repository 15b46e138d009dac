package io.flowpack.schedule;

/**
 * One {@code "key": "prompt"} entry as written.
 *
 * @param key           the key's text, e.g. {@code 30} or {@code max_f/2}
 * @param prompt        the prompt with escapes resolved and line breaks removed (as FizzNodes removes them)
 * @param keyOffset     offset of the key's first character in the schedule text
 * @param promptOffsets for each character of {@code prompt}, its offset in the schedule text
 */
record RawKeyframe(String key, String prompt, int keyOffset, int[] promptOffsets) {
}
