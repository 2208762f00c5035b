from connectors.language import article_language, detect_language, normalize_language


def test_detects_common_languages_offline() -> None:
    assert detect_language("Russian forces expanded the buffer zone in the Sumy region.") == "en"
    assert detect_language("Le président a annoncé une nouvelle réforme des retraites hier soir.") == "fr"
    assert detect_language("Die Regierung hat am Dienstag neue Sanktionen gegen Russland beschlossen.") == "de"


def test_too_short_text_is_not_guessed() -> None:
    assert detect_language("Hi") is None


def test_hints_are_normalised_and_win_over_detection() -> None:
    assert normalize_language("en-US") == "en"
    assert normalize_language("pt_BR") == "pt"
    assert normalize_language("english") is None
    assert article_language("fr-FR", "Russian forces", "expanded the buffer zone today.") == "fr"
