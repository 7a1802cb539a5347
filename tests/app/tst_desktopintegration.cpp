// How the app sits on the desktop: Help → About tells the version, the libraries' versions and
// the licence; Help → Open Log Folder hands the log folder to the file manager; every control
// of the main window and its dialogs has a name for screen readers; texts stay readable under
// light and dark palettes, also when the palette changes while the app runs; icons stay sharp
// on HiDPI screens.

#include "aboutdialog.h"
#include "aboutinformation.h"
#include "accessibilityaudit.h"
#include "auth/privatekey.h"
#include "browserwindowfactory.h"
#include "client/encordclient.h"
#include "deidsourcepage.h"
#include "dicomdeidwizard.h"
#include "errorbanner.h"
#include "errorcolour.h"
#include "fieldmessage.h"
#include "helpmenu.h"
#include "mainwindow.h"
#include "newdatasetdialog.h"
#include "ontologyeditordialog.h"
#include "ontologyeditorwidget.h"
#include "profilesdialog.h"
#include "resourcepane.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace Encord;

namespace {

// WCAG relative luminance and contrast ratio: 1 (none) to 21 (black on white).
double luminance(const QColor &color)
{
    const auto channel = [](float value) {
        return value <= 0.03928f ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
           + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A dark palette as the desktop's dark mode gives one (colours of a common dark theme).
QPalette darkPalette()
{
    QPalette dark;
    const QColor window(0x2a, 0x2e, 0x32), base(0x1b, 0x1e, 0x20), text(0xfc, 0xfc, 0xfc);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, window);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    dark.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    dark.setColor(QPalette::Mid, QColor(0x22, 0x25, 0x28));
    dark.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x19));
    dark.setColor(QPalette::Shadow, Qt::black);
    return dark;
}

// The colour a widget's background really is: that of the nearest ancestor that paints one.
QColor backgroundOf(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->autoFillBackground() || w->isWindow())
            return w->palette().color(w->backgroundRole());
    }
    return widget->palette().color(QPalette::Window);
}

// Labels with text whose colour does not stand out from their background.
QStringList unreadableLabels(QWidget *root)
{
    QStringList unreadable;
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->text().isEmpty())
            continue;
        const QColor text = label->palette().color(label->foregroundRole());
        const double ratio = contrast(text, backgroundOf(label));
        if (ratio < 3.0) {
            unreadable << QStringLiteral("\"%1\" (%2, contrast %3)")
                              .arg(label->text().left(40), label->objectName())
                              .arg(ratio, 0, 'f', 2);
        }
    }
    return unreadable;
}

// The share of an image's pixels that are light.
double lightShare(const QImage &image)
{
    qsizetype light = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) > 180)
                ++light;
        }
    }
    return double(light) / double(qsizetype(image.width()) * image.height());
}

} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // QDesktopServices' handler for file: URLs during the test, instead of a file manager.
    void openUrl(const QUrl &url) { m_openedUrls << url; }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shouldOpenTheLogFolderFromTheHelpMenu();
    void shouldShowVersionsAndLicenceInAbout();
    void shouldReportControlsWithoutAName();
    void shouldNameEveryControlForAccessibility();
    void shouldNameEveryMenuCommand();
    void shouldStayReadableInLightAndDarkPalettes();
    void shouldShowErrorsReadablyInLightAndDarkPalettes();
    void shouldRenderIconsSharplyOnHiDpiScreens();

private:
    HelpMenu *helpMenu() const { return m_window->findChild<HelpMenu *>(); }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<QUrl> m_openedUrls;
};

void TestDesktopIntegration::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("EncordTest"));
    QApplication::setApplicationName(QStringLiteral("tst_desktopintegration"));
    QSettings().clear();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());

    m_window = BrowserWindowFactory::create();
    m_window->addHelpMenu(AboutInformation::collect(), m_dir.filePath(QStringLiteral("logs")));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
}

void TestDesktopIntegration::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

void TestDesktopIntegration::shouldOpenTheLogFolderFromTheHelpMenu()
{
    HelpMenu *menu = helpMenu();
    QVERIFY(menu);
    QCOMPARE(m_window->menuBar()->actions().constLast(), menu->menuAction());

    menu->logsAction()->trigger();

    const QString logs = m_dir.filePath(QStringLiteral("logs"));
    QCOMPARE(m_openedUrls, QList<QUrl>{QUrl::fromLocalFile(logs)});
    QVERIFY(QFileInfo(logs).isDir());
}

void TestDesktopIntegration::shouldShowVersionsAndLicenceInAbout()
{
    helpMenu()->aboutAction()->trigger();
    auto *about = m_window->findChild<AboutDialog *>();
    QVERIFY(about);
    QVERIFY(QTest::qWaitForWindowExposed(about));

    QVERIFY(about->findChild<QLabel *>(QStringLiteral("aboutTitle"))
                ->text()
                .contains(QLatin1String(ENCORD_VERSION_STRING)));
    QVERIFY(!about->findChild<QLabel *>(QStringLiteral("aboutLicence"))->text().isEmpty());
    auto *versions = about->findChild<QTreeWidget *>(QStringLiteral("aboutVersions"));
    QStringList libraries;
    for (int row = 0; row < versions->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = versions->topLevelItem(row);
        libraries << item->text(0);
        // Every version begins with its number, e.g. "3.0.11 19 Sep 2023", "0.10.4/openssl".
        QVERIFY2(item->text(1).contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")))
                     || item->text(0) == QLatin1String("System"),
                 qPrintable(item->text(0) + QLatin1Char(' ') + item->text(1)));
    }
    for (const char *library : {"Qt", "OpenSSL", "libssh", "SQLite", "QCoro", "GDCM", "Tesseract"})
        QVERIFY2(libraries.contains(QLatin1String(library)), library);
    // Tesseract's version comes from the build: the About box does not load the text-detection
    // module (nor Tesseract with it) into the app.
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY(!mapped.contains("libtesseract"));
    QVERIFY(!mapped.contains("encord_deid_ocr"));
    QCOMPARE(versions->topLevelItem(0)->text(1), QString::fromLatin1(qVersion()));

    about->findChild<QAbstractButton *>(QStringLiteral("copyVersionsButton"))->click();
    QVERIFY(QApplication::clipboard()->text().contains(
        QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))));

    // A second About shows the same dialog instead of stacking another.
    helpMenu()->aboutAction()->trigger();
    QCOMPARE(m_window->findChildren<AboutDialog *>().size(), 1);
    about->close();
}

void TestDesktopIntegration::shouldReportControlsWithoutAName()
{
    // Given a form with controls named in each way Qt derives a name (accessible name, buddy
    // label, button text) and three that have none: a line edit, a slider, and a combo box in a
    // table's cell, whose current text Qt reports as its name
    QWidget form;
    auto *layout = new QFormLayout(&form);
    layout->addRow(QStringLiteral("&Title:"), new QLineEdit(&form));
    auto *count = new QSpinBox(&form);
    count->setAccessibleName(QStringLiteral("Count"));
    layout->addRow(count);
    layout->addRow(new QPushButton(QStringLiteral("&Save"), &form));
    auto *kind = new QComboBox(&form);
    kind->setEditable(true);
    kind->setAccessibleName(QStringLiteral("Kind"));
    layout->addRow(kind);
    auto *bare = new QLineEdit(&form);
    bare->setObjectName(QStringLiteral("bareEdit"));
    layout->addRow(bare);
    auto *slider = new QSlider(Qt::Horizontal, &form);
    slider->setObjectName(QStringLiteral("bareSlider"));
    layout->addRow(slider);
    auto *table = new QTableWidget(1, 1, &form);
    table->setAccessibleName(QStringLiteral("Rows"));
    auto *cell = new QComboBox;
    cell->setObjectName(QStringLiteral("cellCombo"));
    cell->addItem(QStringLiteral("is one of"));
    auto *labelled = new QComboBox(&form);
    labelled->addItem(QStringLiteral("Daily"));
    layout->addRow(QStringLiteral("&Frequency:"), labelled);
    table->setCellWidget(0, 0, cell);
    layout->addRow(table);
    form.show();

    // Then exactly those three are reported, and none of the parts Qt builds inside the others
    // (the spin box's and the editable combo box's line edits, the table's headers)
    const QStringList unnamed = EncordTest::AccessibilityAudit::unnamedControls(&form);
    QVERIFY2(unnamed.size() == 3, qPrintable(unnamed.join(u'\n')));
    QVERIFY2(unnamed.at(0).startsWith(QStringLiteral("QLineEdit \"bareEdit\" in QWidget")),
             qPrintable(unnamed.join(u'\n')));
    QVERIFY2(unnamed.at(1).startsWith(QStringLiteral("QSlider \"bareSlider\"")),
             qPrintable(unnamed.join(u'\n')));
    QVERIFY2(unnamed.at(2).contains(QStringLiteral("QComboBox \"cellCombo\" in QWidget "
                                                   "\"qt_scrollarea_viewport\" in QTableWidget")),
             qPrintable(unnamed.join(u'\n')));
}

void TestDesktopIntegration::shouldNameEveryControlForAccessibility()
{
    ENCORD_VERIFY_CONTROLS_NAMED(m_window.get());

    ProfilesDialog profiles({ConnectionProfile::defaultLocal()}, QString(), m_window.get());
    profiles.show();
    ENCORD_VERIFY_CONTROLS_NAMED(&profiles);

    AboutDialog about(AboutInformation::collect(), m_window.get());
    about.show();
    ENCORD_VERIFY_CONTROLS_NAMED(&about);
}

void TestDesktopIntegration::shouldNameEveryMenuCommand()
{
    QStringList unnamed;
    QList<QAction *> actions = m_window->menuBar()->actions();
    while (!actions.isEmpty()) {
        QAction *action = actions.takeFirst();
        if (action->isSeparator())
            continue;
        if (action->text().remove(QLatin1Char('&')).trimmed().isEmpty())
            unnamed << action->objectName();
        if (action->menu())
            actions << action->menu()->actions();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestDesktopIntegration::shouldStayReadableInLightAndDarkPalettes()
{
    auto *pane = qobject_cast<ResourcePane *>(m_window->pane(QStringLiteral("datasets")));
    QVERIFY(pane);
    pane->errorBanner()->showMessage(QStringLiteral("The server did not answer in time."));
    ProfilesDialog profiles({ConnectionProfile::defaultLocal()}, QString(), m_window.get());
    profiles.show();
    profiles.nameEdit()->clear(); // shows the "problem" sentence
    QTest::qWait(0);

    // Light, as the window was created.
    QStringList unreadable = unreadableLabels(m_window.get()) + unreadableLabels(&profiles);
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QStringLiteral("\n"))));
    QVERIFY(lightShare(m_window->grab().toImage()) > 0.5);

    // The desktop switches to dark mode while the app runs.
    QApplication::setPalette(darkPalette());
    QTest::qWait(0);
    unreadable = unreadableLabels(m_window.get()) + unreadableLabels(&profiles);
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QStringLiteral("\n"))));
    // Hardly anything light is left: text and icon strokes, no light panels.
    QVERIFY2(lightShare(m_window->grab().toImage()) < 0.05,
             qPrintable(QString::number(lightShare(m_window->grab().toImage()))));
    QVERIFY(lightShare(pane->errorBanner()->grab().toImage()) < 0.1);
    QVERIFY(lightShare(profiles.grab().toImage()) < 0.1);

    QApplication::setPalette(QApplication::style()->standardPalette());
    pane->errorBanner()->hide();
}

void TestDesktopIntegration::shouldShowErrorsReadablyInLightAndDarkPalettes()
{
    // Given the error lines of a set-up form (a field's problem, a failed request), of the
    // ontology editor (the title's problem, a refused file) and of the DICOM wizard (a refused
    // output folder), each showing its message
    RequestsSettings quick;
    quick.maxRetries = 0;
    quick.connectionRetries = 0;
    const EncordClient nowhere(
        PrivateKey::generate(), QUrl(QStringLiteral("http://127.0.0.1:9")), quick);
    NewDatasetDialog dataset(nowhere, m_window.get());
    dataset.show();
    QTest::keyClicks(dataset.titleEdit(), QStringLiteral("Scans"));
    dataset.createButton()->click(); // nothing listens there: the form says so
    QTRY_VERIFY_WITH_TIMEOUT(dataset.errorLabel()->isVisible(), 10000);
    dataset.titleEdit()->selectAll();
    QTest::keyClick(dataset.titleEdit(), Qt::Key_Delete);
    QLabel *titleProblem = dataset.titleMessage();
    QVERIFY(titleProblem->isVisible());
    QLabel *requestProblem = dataset.errorLabel();

    OntologyEditorDialog ontology(nowhere, m_window.get());
    ontology.show();
    auto *ontologyTitle = ontology.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QTest::keyClicks(ontologyTitle, QStringLiteral("R"));
    QTest::keyClick(ontologyTitle, Qt::Key_Backspace);
    auto *ontologyTitleProblem = ontology.findChild<QLabel *>(QStringLiteral("titleMessage"));
    QVERIFY(!ontologyTitleProblem->text().isEmpty());
    QVERIFY(!ontology.editor()->importFile(m_dir.filePath(QStringLiteral("missing.json"))));
    QLabel *notice = nullptr;
    for (QLabel *label : ontology.editor()->findChildren<QLabel *>()) {
        if (label->text() == ontology.editor()->noticeText())
            notice = label;
    }
    QVERIFY(notice && notice->isVisible());

    DicomDeidWizard deid(std::nullopt, m_window.get());
    deid.show();
    const QString sources = m_dir.filePath(QStringLiteral("dicom"));
    QVERIFY(QDir().mkpath(sources));
    QFile file(sources + QStringLiteral("/a.dcm"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    deid.sourcePage()->addLocalPaths({sources});
    deid.sourcePage()->setOutputFolder(sources);
    auto *outputProblem = deid.sourcePage()->findChild<QLabel *>(QStringLiteral("outputProblem"));
    QVERIFY(outputProblem->isVisible());
    QTest::qWait(0);

    // Then each reads as an error (red) with a contrast of 4.5:1 on its background, in the light
    // palette and after the desktop switched to a dark one while they were shown
    const QList<QLabel *> problems = {
        titleProblem, requestProblem, ontologyTitleProblem, notice, outputProblem};
    const auto check = [&problems](const char *palette) {
        QStringList failures;
        for (QLabel *label : problems) {
            const QColor text = label->palette().color(label->foregroundRole());
            const double ratio = contrast(text, backgroundOf(label));
            const bool red = text.red() > text.green() + 40 && text.red() > text.blue() + 40;
            if (ratio < 4.5 || !red)
                failures << QStringLiteral("%1 \"%2\": %3 on %4, contrast %5")
                                .arg(QLatin1String(palette),
                                     label->text().left(40),
                                     text.name(),
                                     backgroundOf(label).name())
                                .arg(ratio, 0, 'f', 2);
        }
        return failures;
    };
    QStringList failures = check("light");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

    QApplication::setPalette(darkPalette());
    QTest::qWait(0);
    failures = check("dark");
    QApplication::setPalette(QApplication::style()->standardPalette());
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QTest::qWait(0);
    failures = check("light again");
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestDesktopIntegration::shouldRenderIconsSharplyOnHiDpiScreens()
{
    // Icons are vectors: at a device pixel ratio of 2 they are drawn with twice the pixels,
    // not scaled up from a small bitmap.
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QList<QIcon> icons{m_window->windowIcon()};
    for (int row = 0; row < navigation->count(); ++row)
        icons << navigation->item(row)->icon();
    for (const QIcon &icon : std::as_const(icons)) {
        QVERIFY(!icon.isNull());
        const QPixmap pixmap = icon.pixmap(QSize(20, 20), 2.0);
        QCOMPARE(pixmap.size(), QSize(40, 40));
        QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(20, 20));
    }
}

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
