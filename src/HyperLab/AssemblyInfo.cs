using System.Runtime.CompilerServices;

// The tests read the internal parsers directly (the course data's CSV format, the one RFC 4180 reader).
[assembly: InternalsVisibleTo("HyperLab.Tests")]
