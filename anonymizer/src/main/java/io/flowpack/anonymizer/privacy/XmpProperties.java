package io.flowpack.anonymizer.privacy;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Lists the top-level properties of an XMP packet as {@code prefix:name}, with the usual prefix for each
 * namespace whatever prefix the file used. The whole packet is dropped by the scrub; this says what was in it.
 */
final class XmpProperties {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("http://purl.org/dc/elements/1.1/", "dc"),
            Map.entry(IPTC_EXT, "Iptc4xmpExt"),
            Map.entry("http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "Iptc4xmpCore"),
            Map.entry("http://ns.adobe.com/photoshop/1.0/", "photoshop"),
            Map.entry("http://ns.adobe.com/xap/1.0/", "xmp"),
            Map.entry("http://ns.adobe.com/xap/1.0/rights/", "xmpRights"),
            Map.entry("http://ns.adobe.com/xap/1.0/mm/", "xmpMM"),
            Map.entry("http://ns.adobe.com/exif/1.0/", "exif"),
            Map.entry("http://cipa.jp/exif/1.0/", "exifEX"),
            Map.entry("http://ns.adobe.com/tiff/1.0/", "tiff"),
            Map.entry("http://ns.adobe.com/exif/1.0/aux/", "aux"),
            Map.entry("http://ns.useplus.org/ldf/xmp/1.0/", "plus"),
            Map.entry("http://www.metadataworkinggroup.com/schemas/regions/", "mwg-rs"),
            Map.entry("http://ns.microsoft.com/photo/1.2/", "MP"),
            Map.entry("http://ns.adobe.com/xap/1.0/g/img/", "xmpGImg"),
            Map.entry("http://ns.adobe.com/camera-raw-settings/1.0/", "crs"));

    private static final Set<String> PERSON = Set.of("dc:creator", "dc:contributor", "dc:publisher", "dc:rights",
            "Iptc4xmpExt:PersonInImage", "Iptc4xmpExt:PersonInImageWDetails", "Iptc4xmpExt:ModelAge",
            "Iptc4xmpCore:CreatorContactInfo", "photoshop:AuthorsPosition", "photoshop:CaptionWriter",
            "photoshop:Credit", "photoshop:Source", "xmpRights:Owner", "plus:ImageCreator", "plus:CopyrightOwner",
            "plus:ImageSupplier", "plus:Licensor", "plus:ModelReleaseID", "exifEX:CameraOwnerName",
            "mwg-rs:Regions", "MP:RegionInfo", "tiff:Artist", "tiff:Copyright");
    private static final Set<String> LOCATION = Set.of("photoshop:City", "photoshop:State", "photoshop:Country",
            "Iptc4xmpCore:Location", "Iptc4xmpCore:CountryCode", "Iptc4xmpExt:LocationShown",
            "Iptc4xmpExt:LocationCreated");
    private static final Set<String> DEVICE = Set.of("aux:SerialNumber", "aux:LensSerialNumber", "aux:ImageNumber",
            "exifEX:BodySerialNumber", "exifEX:LensSerialNumber", "exif:ImageUniqueID", "xmpMM:DocumentID",
            "xmpMM:OriginalDocumentID", "xmpMM:InstanceID");
    private static final Set<String> TEXT = Set.of("dc:description", "dc:title", "dc:subject",
            "photoshop:Headline", "exif:UserComment");

    private XmpProperties() {
    }

    static void collect(byte[] packet, MetadataCollector out) {
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(packet)).getDocumentElement();
        } catch (Exception unreadable) {
            out.field("XMP", "packet (unreadable)", PrivacyCategory.FREE_TEXT);
            return;
        }
        boolean any = false;
        var descriptions = root.getElementsByTagNameNS(RDF, "Description");
        for (int d = 0; d < descriptions.getLength(); d++) {
            Element description = (Element) descriptions.item(d);
            if (!(description.getParentNode() instanceof Element parent && RDF.equals(parent.getNamespaceURI())
                    && "RDF".equals(parent.getLocalName()))) {
                continue;                                      // a structure inside a property, not a property list
            }
            NamedNodeMap attributes = description.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String ns = attribute.getNamespaceURI();
                if (ns != null && !RDF.equals(ns) && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                    any |= property(ns, attribute.getLocalName(), attribute.getPrefix(), attribute.getValue(), out);
                }
            }
            for (Node child = description.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element property && property.getNamespaceURI() != null) {
                    any |= property(property.getNamespaceURI(), property.getLocalName(), property.getPrefix(),
                            property.getTextContent().trim(), out);
                }
            }
        }
        if (!any) {
            out.field("XMP", "packet", PrivacyCategory.OTHER);
        }
    }

    private static boolean property(String ns, String local, String filePrefix, String text, MetadataCollector out) {
        String name = PREFIXES.getOrDefault(ns, filePrefix == null ? "ns" : filePrefix) + ":" + local;
        if (IPTC_EXT.equals(ns) && "DigitalSourceType".equals(local) && !text.isEmpty()) {
            out.digitalSourceType(text);
        }
        out.field("XMP", name, category(ns, name));
        return true;
    }

    private static PrivacyCategory category(String ns, String name) {
        if (PERSON.contains(name)) {
            return PrivacyCategory.PERSON;
        }
        if (LOCATION.contains(name) || name.startsWith("exif:GPS")) {
            return PrivacyCategory.LOCATION;
        }
        if (DEVICE.contains(name)) {
            return PrivacyCategory.DEVICE_IDENTITY;
        }
        if (name.equals("xmp:Thumbnails") || ns.startsWith("http://ns.adobe.com/xap/1.0/g/img")) {
            return PrivacyCategory.EMBEDDED_IMAGE;
        }
        return TEXT.contains(name) ? PrivacyCategory.FREE_TEXT : PrivacyCategory.OTHER;
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
