package io.flowpack.camel;

import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.DocumentJson;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointAware;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Makes {@code to: file:…} after a flow step write what a user expects: each deliverable part of the document under
 * its own name (original name + step suffix + the right extension), then {@code <name>.audit.json} beside them.
 * Messages whose body is not a {@link Document} go to the file endpoint unchanged.
 */
final class DocumentFileWriting implements InterceptStrategy {
    private final BlobStore blobs;

    DocumentFileWriting(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        if (target instanceof EndpointAware aware && aware.getEndpoint() instanceof GenericFileEndpoint<?>) {
            return new Writer(AsyncProcessorConverterHelper.convert(target));
        }
        return target;
    }

    private final class Writer extends AsyncProcessorSupport {
        private final AsyncProcessor send;

        Writer(AsyncProcessor send) {
            this.send = send;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            try {
                write(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }

        private void write(Exchange exchange) throws Exception {
            Object body = exchange.getIn().getBody();
            if (!(body instanceof Document document)) {
                send.process(exchange);
                return;
            }
            String folder = folderOf(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
            for (Part part : document.deliverables()) {
                String name = part.name() != null ? part.name()
                        : MediaTypes.baseName(document.name()) + "." + MediaTypes.extensionFor(part.mediaType());
                write(exchange, folder + name, blobs.localPath(part.blob()).map(p -> (Object) p.toFile())
                        .orElse(blobs.open(part.blob())));
            }
            write(exchange, folder + MediaTypes.baseName(document.name()) + ".audit.json", DocumentJson.toJson(document));
            exchange.getIn().setBody(document);
        }

        private void write(Exchange original, String fileName, Object content) throws Exception {
            Exchange copy = original.copy();
            copy.getIn().setBody(content);
            copy.getIn().setHeader(Exchange.FILE_NAME, fileName);
            send.process(copy);
            if (copy.getException() != null) {
                throw copy.getException();
            }
        }

        private String folderOf(String fileName) {
            if (fileName == null) {
                return "";
            }
            int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
            return slash >= 0 ? fileName.substring(0, slash + 1) : "";
        }
    }

}
