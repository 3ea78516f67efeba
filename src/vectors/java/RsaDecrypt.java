// Decrypts RSA ciphertexts with Java's own providers (SunJCE), sharing no code with the harness.
// Reads lines "tcId mode pkcs8Hex ciphertextHex" on stdin; writes "tcId OK plaintextHex" or "tcId ERR".
// mode: oaep-sha256-mgf1sha1 (RSA/ECB/OAEPWithSHA-256AndMGF1Padding, whose MGF1 is SHA-1: Android's
// default), oaep-sha256-mgf1sha256 (explicit OAEPParameterSpec), pkcs1 (RSA/ECB/PKCS1Padding).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

public class RsaDecrypt {
  public static void main(String[] args) throws Exception {
    HexFormat hex = HexFormat.of();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.trim().split(" ");
      if (f.length < 3) continue;
      String out;
      try {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(hex.parseHex(f[2])));
        byte[] ct = f.length > 3 ? hex.parseHex(f[3]) : new byte[0];
        Cipher c;
        switch (f[1]) {
          case "oaep-sha256-mgf1sha1":
            c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
            c.init(Cipher.DECRYPT_MODE, key);
            break;
          case "oaep-sha256-mgf1sha256":
            c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            break;
          default:
            c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            c.init(Cipher.DECRYPT_MODE, key);
        }
        out = "OK " + hex.formatHex(c.doFinal(ct));
      } catch (Exception e) {
        out = "ERR";
      }
      System.out.println(f[0] + " " + out);
    }
  }
}
