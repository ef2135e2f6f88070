// The offline cache: documents survive a restart, a corrupt file is moved aside and
// rebuilt, layouts are bounded, answers come back in the caller's thread.
#include "app/offlinecache.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

class TestOfflineCache : public QObject
{
    Q_OBJECT

    std::optional<OfflineCache::Entry> load(OfflineCache &cache, const QString &kind, const QString &key)
    {
        std::optional<std::optional<OfflineCache::Entry>> answer;
        Qt::HANDLE thread = nullptr;
        cache.load(kind, key, this, [&](const std::optional<OfflineCache::Entry> &e) {
            answer = e;
            thread = QThread::currentThreadId();
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000); }();
        if (thread != QThread::currentThreadId())
            qWarning("answered in another thread");
        return answer ? *answer : std::nullopt;
    }

private Q_SLOTS:
    void documents_surviveARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache/offline.sqlite"_s);
        {
            OfflineCache cache(path);
            QSignalSpy ready(&cache, &OfflineCache::ready);
            QVERIFY(ready.wait(5000));
            QCOMPARE(ready.first().first().toBool(), false);
            cache.store(u"concerts"_s, u"all"_s, R"([{"id":"c1"}])");
            QCOMPARE(load(cache, u"concerts"_s, u"all"_s)->json, QByteArray(R"([{"id":"c1"}])"));
        }
        OfflineCache again(path);
        const auto entry = load(again, u"concerts"_s, u"all"_s);
        QVERIFY(entry);
        QCOMPARE(entry->json, QByteArray(R"([{"id":"c1"}])"));
        QVERIFY(qAbs(entry->storedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(!load(again, u"concerts"_s, u"other"_s));
    }

    void corruptFile_isMovedAsideAndRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"offline.sqlite"_s);
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, '\x5a'));
        garbage.close();
        OfflineCache cache(path);
        QSignalSpy ready(&cache, &OfflineCache::ready);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().first().toBool(), true);
        QCOMPARE(QDir(dir.path()).entryList({u"offline.sqlite.corrupt-*"_s}).size(), 1);
        cache.store(u"layout"_s, u"p1"_s, "{}");
        QVERIFY(load(cache, u"layout"_s, u"p1"_s));
    }

    void layouts_areBounded()
    {
        QTemporaryDir dir;
        OfflineCache cache(dir.filePath(u"offline.sqlite"_s));
        for (int i = 0; i < OfflineCache::MaxLayouts + 5; ++i)
            cache.store(u"layout"_s, u"p"_s + QString::number(i), "{}");
        QVERIFY(load(cache, u"layout"_s, u"p"_s + QString::number(OfflineCache::MaxLayouts + 4)));
        QVERIFY(!load(cache, u"layout"_s, u"p0"_s));  // the oldest went
        QVERIFY(!load(cache, u"layout"_s, u"p4"_s));
        QVERIFY(load(cache, u"layout"_s, u"p5"_s));
    }
};

QTEST_GUILESS_MAIN(TestOfflineCache)
#include "tst_offlinecache.moc"
