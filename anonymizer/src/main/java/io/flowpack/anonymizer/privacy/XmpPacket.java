package io.flowpack.anonymizer.privacy;

import java.nio.charset.StandardCharsets;

/** Writes the small XMP packet that carries a {@link Disclosure}. */
final class XmpPacket {

    private XmpPacket() {
    }

    static byte[] of(Disclosure disclosure) {
        StringBuilder xmp = new StringBuilder(1024);
        xmp.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"").append(Disclosure.CREATOR_TOOL).append("\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"").append(XmpProperties.RDF).append("\">\n")
                .append("  <rdf:Description rdf:about=\"\"\n")
                .append("    xmlns:Iptc4xmpExt=\"").append(XmpProperties.IPTC_EXT).append("\"\n")
                .append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
                .append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n")
                .append("    xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\">\n");
        disclosure.digitalSourceType().ifPresent(term -> xmp.append("   <Iptc4xmpExt:DigitalSourceType>")
                .append(escape(term)).append("</Iptc4xmpExt:DigitalSourceType>\n"));
        xmp.append("   <xmp:CreatorTool>").append(Disclosure.CREATOR_TOOL).append("</xmp:CreatorTool>\n")
                .append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                .append(escape(disclosure.description())).append("</rdf:li></rdf:Alt></dc:description>\n")
                .append("   <xmpMM:History><rdf:Seq><rdf:li rdf:parseType=\"Resource\">")
                .append("<stEvt:action>").append(escape(disclosure.historyAction())).append("</stEvt:action>")
                .append("<stEvt:changed>").append(escape(disclosure.changed())).append("</stEvt:changed>")
                .append("<stEvt:parameters>").append(escape(disclosure.historyParameters())).append("</stEvt:parameters>")
                .append("<stEvt:softwareAgent>").append(Disclosure.CREATOR_TOOL).append("</stEvt:softwareAgent>")
                .append("</rdf:li></rdf:Seq></xmpMM:History>\n")
                .append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return xmp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
