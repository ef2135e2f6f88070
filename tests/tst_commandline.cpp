// The client's command line without a display: --help and --version print and exit 0
// (no X server, no Wayland, no QT_QPA_PLATFORM), in English and in Korean.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestCommandLine : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out, err;
    };

    // The built client with no way to reach a display.
    static Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
            env.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CLIENT_BINARY), arguments);
        Run r;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return r;
        }
        r.exitCode = process.exitCode();
        r.status = process.exitStatus();
        r.out = QString::fromUtf8(process.readAllStandardOutput());
        r.err = QString::fromUtf8(process.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void help_withoutADisplay_printsUsageAndExitsZero()
    {
        const Run r = run({u"--help"_s});
        QVERIFY2(r.status == QProcess::NormalExit, qPrintable(r.err));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Usage:"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"--server <URL>"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"--staff"_s), qPrintable(r.out));
    }

    void help_inKorean_isTranslated()
    {
        const Run r = run({u"--lang"_s, u"ko"_s, u"-h"_s});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"--server <URL>"_s), qPrintable(r.out));
        // Hangul in the option descriptions.
        QVERIFY2(std::any_of(r.out.begin(), r.out.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; }),
                 qPrintable(r.out));
    }

    void version_withoutADisplay_printsItAndExitsZero()
    {
        const Run r = run({u"--version"_s});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"0.1.0"_s), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
