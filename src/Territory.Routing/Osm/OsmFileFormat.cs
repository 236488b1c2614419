namespace Territory.Routing.Osm;

/// <summary>Encodings of an OSM extract.</summary>
public enum OsmFileFormat
{
    /// <summary>Protocol-buffer binary format (<c>.osm.pbf</c>).</summary>
    Pbf,
    /// <summary>OSM XML (<c>.osm</c>).</summary>
    Xml,
    /// <summary>Gzip-compressed OSM XML (<c>.osm.gz</c>).</summary>
    XmlGzip,
}
