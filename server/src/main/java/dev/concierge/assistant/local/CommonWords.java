package dev.concierge.assistant.local;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Frequent words of guests' messages, folded (lower case, no accents). Each list holds only words that tell its
 * language apart, so words both languages use ("no", "me", "a", "hotel", "spa", "parking", "once", "son") are in
 * neither; {@link #BOTH} has those.
 */
final class CommonWords {
    static final Set<String> ENGLISH = setOf("""
            the an and is are am was were be been to of in for with my i i'm im i'd i'll i've you your can could
            would should please book booking table room rooms hi hello hey thanks thank do does did have what
            what's when where how much many tonight tomorrow today yes yeah at on it it's this that that's we
            we're us our will want like need get there there's some any morning evening afternoon night nights
            people two three four five six seven eight nine ten eleven twelve dinner lunch breakfast massage
            order cancel change check from by about just only next week day days monday tuesday wednesday
            thursday friday saturday sunday january february march april june july august september october
            november december don't can't isn't name phone number price cost open close water towels pool bring
            send sure also available reservation book stay guests adults children kids wife husband after before
            half past quarter noon midnight which who why they he's she her his them or not nope good great
            perfect fine right correct confirm here still late early then than too very really one out up into
            if so but all more something anything let let's make take give call email e-mail
            """);

    static final Set<String> SPANISH = setOf("""
            el la los las de del que y en un una unos unas por para con sin es esta estan estoy hay quiero
            queremos quisiera quisieramos tienen tiene tengo tienes puedo podemos puede pueden necesito hola
            gracias buenas buenos dias noches tardes manana hoy ayer reservar reserva reservas habitacion
            habitaciones cuanto cuanta cuesta donde como cuando cual si vale claro somos seremos personas
            persona mesa masaje al lo le les se su sus nos muy pero tambien ahora aqui hasta desde porque mi mis
            tu yo nosotros usted ustedes favor noche tarde proximo proxima este esto eso ese esa semana dia hora
            horas precio cena cenar comer desayuno piscina llamo nombre numero telefono correo quiere seria sera
            gustaria algo nada todo bien mejor cancelar cambiar pasado sabado domingo lunes martes miercoles
            jueves viernes enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
            diciembre dos tres cuatro cinco seis siete ocho nueve diez doce veinte pedir traer agua cerveza vino
            toallas hacer ver ninos adultos salida entrada llegada llegamos vamos perfecto correcto acuerdo
            media cuarto menos mediodia medianoche uno soy eres estamos tenemos dentro entonces tambien mas otro
            otra aun todavia ya mucho poco quien donde esposa mujer marido
            """);

    /** Words both languages use: no evidence of a language, still not a name. */
    static final Set<String> BOTH = setOf("""
            no me a o hotel spa parking taxi menu bar wifi solo once come he has sale e final total plan van fin
            real mar red ok okay son
            """);

    private CommonWords() {}

    /** The words of a list separated by white space, in order. */
    static List<String> listOf(String words) {
        return List.of(words.strip().split("\\s+"));
    }

    /** The words of a list separated by white space, as a set; repeats are fine. */
    static Set<String> setOf(String words) {
        return Set.copyOf(Arrays.asList(words.strip().split("\\s+")));
    }

    static boolean isCommon(String foldedWord) {
        return ENGLISH.contains(foldedWord) || SPANISH.contains(foldedWord) || BOTH.contains(foldedWord);
    }
}
