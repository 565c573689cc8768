"""The investment map: folium maps per language, fed by one shared data file per language."""
