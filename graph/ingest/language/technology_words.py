"""Technology areas as news names them, and the words that make a technology a platform.

Curated surface forms for the technology-area entities (the gazetteer adds them as known phrases),
and the family and kind words that tell a platform ("Maritime patrol aircraft") from a technology
area ("space", "cyber").

Examples
--------
>>> TECHNOLOGY["artificial-intelligence"][0]
'artificial intelligence'
>>> "space" in AMBIGUOUS_TECHNOLOGY
True
"""

from __future__ import annotations

# Technology areas as news names them: slug -> (label, surface forms). ``AMBIGUOUS`` ones count
# only in a list beside another technology ("space and artificial intelligence").
TECHNOLOGY = {
    "hypersonics": (
        "hypersonics",
        ["hypersonics", "hypersonic technologies", "hypersonic technology", "hypersonic weapons"],
    ),
    "artificial-intelligence": (
        "artificial intelligence",
        ["artificial intelligence", "AI", "AI-driven systems", "AI systems", "AI-enabled systems"],
    ),
    "quantum": (
        "quantum technologies",
        [
            "quantum applications",
            "quantum technologies",
            "quantum technology",
            "quantum computing",
            "quantum",
        ],
    ),
    "unmanned-systems": ("unmanned systems", ["unmanned systems", "uncrewed systems", "autonomous vehicles"]),
    "unmanned-aerial-systems": (
        "unmanned aerial systems",
        [
            "unmanned aerial systems",
            "unmanned aerial system",
            "UAS",
            "unmanned aircraft systems",
            "drones",
            "unmanned aerial vehicles",
            "UAVs",
        ],
    ),
    "counter-uas": ("counter-UAS", ["counter-UAS", "counter UAS", "counter-drone systems", "counter-drone"]),
    "missile-defence": (
        "missile defence",
        ["missile defence", "missile defense", "ballistic missile defence"],
    ),
    "advanced-materials": ("advanced materials", ["next-generation materials", "advanced materials"]),
    "space": (
        "space",
        ["space", "space defence", "space technology", "space technologies", "space situational awareness"],
    ),
    "cyber": ("cyber security", ["cyber resilience", "cyber security", "cybersecurity", "cyber"]),
    "directed-energy": (
        "directed energy",
        ["directed-energy weapons", "directed energy weapons", "directed energy"],
    ),
    "electronic-warfare": ("electronic warfare", ["electronic warfare"]),
    "information-warfare": ("information warfare", ["information warfare"]),
    "jet-engines": (
        "jet engine technology",
        [
            "jet engine technology",
            "jet engine technologies",
            "jet engines",
            "jet engine",
            "fighter jet engines",
            "aero engines",
        ],
    ),
    "aircraft-carriers": (
        "aircraft carrier technology",
        ["aircraft carriers", "aircraft carrier technology", "aircraft carrier technologies"],
    ),
    "chemical-biological-protection": (
        "chemical and biological protection",
        ["chemical and biological protection", "chemical and biological defence", "chem-bio protection"],
    ),
    "maritime-systems": ("maritime systems", ["maritime systems", "maritime domain awareness", "maritime"]),
    "undersea-domain-awareness": ("undersea domain awareness", ["undersea domain awareness"]),
    "autonomous-systems": ("autonomous systems", ["autonomous systems", "autonomy"]),
    "semiconductors": ("semiconductors", ["semiconductors", "semiconductor"]),
    "biotechnology": ("biotechnology", ["biotechnology"]),
    "anti-submarine-warfare": ("anti-submarine warfare", ["anti-submarine warfare"]),
    "secure-communications": (
        "secure communications",
        ["encrypted communications", "secure communications", "encrypted communications equipment"],
    ),
}
# A technology concept under a family of aircraft ("Maritime patrol aircraft", "Military
# helicopters", "Unmanned aerial systems") or of weapons ("Anti-tank guided missiles", "Armoured
# vehicles", "Precision-guided munitions") is a platform, unless it names a kind itself.
PLATFORM_FAMILY_WORDS = {
    "aircraft", "helicopters", "aerial", "missiles", "munitions", "vehicles", "artillery", "guns",
    "howitzers", "drones",
}
PLATFORM_KIND_WORDS = {
    "aircraft", "helicopters", "fighters", "vehicles", "jets", "systems", "uav", "uavs", "missiles",
    "munitions", "guns", "howitzers", "drones",
}
AMBIGUOUS_TECHNOLOGY = {"space", "cyber", "maritime", "quantum", "autonomy", "drones", "ai"}
