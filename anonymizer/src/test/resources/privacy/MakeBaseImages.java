import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Writes the plain pictures that make-privacy-fixtures.sh then loads with metadata. */
public class MakeBaseImages {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        ImageIO.write(picture(96, 64), "jpg", new File(dir, "base.jpg"));
        ImageIO.write(picture(24, 16), "jpg", new File(dir, "thumb.jpg"));
        ImageIO.write(picture(48, 32), "png", new File(dir, "base.png"));
        ImageIO.write(picture(48, 32), "tiff", new File(dir, "base.tif"));
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 180, 150), width, height, new Color(60, 90, 140)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 30, 30));
        g.fillOval(width / 3, height / 4, width / 4, height / 2);
        g.dispose();
        return image;
    }
}
