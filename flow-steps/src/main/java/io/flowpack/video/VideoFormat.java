package io.flowpack.video;

import java.util.Locale;

/** The containers the morph step writes, each with the encoder flowpack uses for it. */
public enum VideoFormat {
    /** H.264 (OpenH264, BSD) in MP4. */
    MP4("mp4", "video/mp4", "libopenh264"),
    /** VP9 (libvpx, BSD) in WebM. */
    WEBM("webm", "video/webm", "libvpx-vp9"),
    /** Animated GIF (javax.imageio, a palette per frame). */
    GIF("gif", "image/gif", null),
    /** Animated WebP (libwebp through FFmpeg's libwebp_anim encoder). */
    WEBP("webp", "image/webp", "libwebp_anim");

    private final String extension;
    private final String mediaType;
    private final String ffmpegCodec;

    VideoFormat(String extension, String mediaType, String ffmpegCodec) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.ffmpegCodec = ffmpegCodec;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The FFmpeg encoder name, or null for formats written in Java. */
    public String ffmpegCodec() {
        return ffmpegCodec;
    }

    /** Whether the encoder works on 4:2:0 chroma, which needs an even width and height. */
    public boolean needsEvenSize() {
        return this == MP4 || this == WEBM;
    }

    public static VideoFormat of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown video format '" + name + "'; use mp4, webm, gif or webp");
        }
    }
}
