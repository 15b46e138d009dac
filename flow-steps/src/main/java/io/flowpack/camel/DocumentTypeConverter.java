package io.flowpack.camel;

import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.Part;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.TypeConverterSupport;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Converts {@code File}, {@code Path}, {@code GenericFile}, {@code byte[]} and {@code InputStream} bodies into a
 * one-part {@link Document} (content goes into the blob store), and a document back into the bytes of its first
 * unprocessed part for components that want a stream.
 */
final class DocumentTypeConverter extends TypeConverterSupport {
    private final DocumentIngest ingest;

    DocumentTypeConverter(DocumentIngest ingest) {
        this.ingest = ingest;
    }

    void registerIn(TypeConverterRegistry registry) {
        for (Class<?> from : new Class<?>[]{File.class, Path.class, GenericFile.class, byte[].class, InputStream.class}) {
            registry.addTypeConverter(Document.class, from, this);
        }
        registry.addTypeConverter(InputStream.class, Document.class, this);
    }

    @Override
    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
        try {
            if (type == InputStream.class && value instanceof Document document) {
                return type.cast(firstPart(document));
            }
            if (type == Document.class) {
                return type.cast(toDocument(exchange, value));
            }
            return null;
        } catch (IOException e) {
            throw new TypeConversionException(value, type, e);
        }
    }

    private Document toDocument(Exchange exchange, Object value) throws IOException {
        if (value instanceof GenericFile<?> file) {
            Object body = file.getFile();
            String name = file.getFileNameOnly();
            if (body instanceof File local) {
                return ingest.fromFile(local.toPath(), name);
            }
            InputStream in = exchange.getContext().getTypeConverter().convertTo(InputStream.class, exchange, file);
            if (in == null) {
                throw new IOException("cannot read " + file.getAbsoluteFilePath());
            }
            try (in) {
                return ingest.fromStream(in, name);
            }
        }
        if (value instanceof File file) {
            return ingest.fromFile(file.toPath(), file.getName());
        }
        if (value instanceof Path path) {
            return ingest.fromFile(path, path.getFileName().toString());
        }
        String name = exchange == null ? "input" : exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, "input", String.class);
        if (value instanceof byte[] bytes) {
            return ingest.fromStream(new ByteArrayInputStream(bytes), name);
        }
        if (value instanceof InputStream in) {
            return ingest.fromStream(in, name);
        }
        return null;
    }

    private InputStream firstPart(Document document) throws IOException {
        Part part = document.baseParts().stream().findFirst()
                .orElseThrow(() -> new IOException("document " + document.name() + " has no unprocessed part"));
        return ingest.blobs().open(part.blob());
    }
}
