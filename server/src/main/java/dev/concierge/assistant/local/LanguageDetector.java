package dev.concierge.assistant.local;

import java.util.Set;

/** en or es, from the words of one message: function words and Spanish spelling vote. */
public final class LanguageDetector {
    private static final Set<String> ENGLISH = Set.of(
            "the",
            "i",
            "you",
            "is",
            "are",
            "can",
            "do",
            "does",
            "what",
            "when",
            "where",
            "how",
            "to",
            "for",
            "my",
            "me",
            "and",
            "have",
            "there",
            "please",
            "want",
            "would",
            "like",
            "book",
            "order",
            "room",
            "tomorrow",
            "today",
            "yes",
            "no",
            "hi",
            "hello",
            "thanks",
            "at",
            "of",
            "it",
            "we",
            "us",
            "an",
            "time",
            "table",
            "massage",
            "with",
            "this",
            "that",
            "need",
            "person",
            "talk");
    private static final Set<String> SPANISH = Set.of(
            "el",
            "la",
            "los",
            "las",
            "de",
            "que",
            "y",
            "en",
            "un",
            "una",
            "por",
            "para",
            "con",
            "es",
            "hay",
            "tienen",
            "quiero",
            "puedo",
            "reservar",
            "reserva",
            "manana",
            "hoy",
            "si",
            "hola",
            "gracias",
            "mi",
            "me",
            "habitacion",
            "mesa",
            "masaje",
            "cuanto",
            "donde",
            "cuando",
            "como",
            "pedir",
            "llamo",
            "soy",
            "somos",
            "personas",
            "tarde",
            "noche",
            "lunes",
            "martes",
            "miercoles",
            "jueves",
            "viernes",
            "sabado",
            "domingo",
            "esta",
            "este",
            "al",
            "del",
            "buenos",
            "buenas",
            "vale",
            "claro",
            "persona",
            "hablar",
            "aparcamiento",
            "parking",
            "se",
            "lo",
            "le",
            "su",
            "usted");

    public String detect(String text, String fallback) {
        int english = 0;
        int spanish = 0;
        if (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0 || text.indexOf('ñ') >= 0 || text.indexOf('Ñ') >= 0) {
            spanish += 2;
        }
        for (String word : Words.split(text)) {
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (SPANISH.contains(word) && !(word.equals("parking"))) {
                spanish++;
            }
        }
        if (english == spanish) {
            return fallback;
        }
        return spanish > english ? "es" : "en";
    }
}
