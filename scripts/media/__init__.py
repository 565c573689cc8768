"""Media published on the site: videos with captions (sources, transcoding, player)."""
