#include "server/sales/democatalog.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

namespace {

constexpr double SeatWidth = 0.52;  // metres per seat along a row
constexpr double RowDepth = 0.9;    // metres between rows

QString rowLetter(int row)  // 0 -> "A", 25 -> "Z", 26 -> "AA"
{
    QString label;
    for (int n = row; n >= 0; n = n / 26 - 1)
        label.prepend(QChar(u'A' + n % 26));
    return label;
}

class VenueBuilder
{
public:
    VenueBuilder(QString id, QString name) { m_venue.id = std::move(id), m_venue.name = std::move(name); }

    // A rectangular block facing the stage (stage at small y). rowsAsLetters for halls.
    void block(const QString &id, const QString &name, const QString &tier, double left, double front, int rows,
               int seatsPerRow, bool rowsAsLetters = false)
    {
        m_venue.sections.append({id, name, tier});
        for (int r = 0; r < rows; ++r) {
            const QString row = rowsAsLetters ? rowLetter(r) : QString::number(r + 1);
            for (int n = 0; n < seatsPerRow; ++n)
                addSeat(id, row, n + 1, left + n * SeatWidth, front + r * RowDepth, tier);
        }
    }

    // A ring of `count` sections around (cx, cy), open towards the stage: angles
    // measured from the axis pointing away from the stage, spanning ±halfSpan degrees.
    // Seats per row grow with the radius, as in a real bowl.
    void ring(int firstNumber, double cx, double cy, double innerRadius, int rows, double halfSpan, int count,
              const std::function<QString(double angle)> &tierAt, const QString &levelName)
    {
        const double span = 2 * halfSpan / count;
        const double gap = 1.2;  // degrees of aisle between sections
        for (int s = 0; s < count; ++s) {
            const double from = -halfSpan + s * span + gap / 2;
            const double to = from + span - gap;
            const double mid = (from + to) / 2;
            const QString id = QString::number(firstNumber + s);
            const QString tier = tierAt(mid);
            m_venue.sections.append({id, levelName + u' ' + id, tier});
            for (int r = 0; r < rows; ++r) {
                const double radius = innerRadius + r * RowDepth;
                const double arc = (to - from) * std::numbers::pi / 180 * radius;
                const int seats = std::max(4, int(arc / SeatWidth));
                for (int n = 0; n < seats; ++n) {
                    // Number seats left to right as seen from the section's rows.
                    const double a = (from + (to - from) * (n + 0.5) / seats) * std::numbers::pi / 180;
                    addSeat(id, QString::number(r + 1), n + 1, cx - radius * std::sin(a), cy + radius * std::cos(a),
                            tier);
                }
            }
        }
    }

    DemoCatalog::Venue take() { return std::move(m_venue); }

private:
    void addSeat(const QString &section, const QString &row, int number, double x, double y, const QString &tier)
    {
        Seat seat;
        seat.id = section + u'-' + row + u'-' + QString::number(number);
        seat.section = section;
        seat.row = row;
        seat.number = number;
        seat.x = std::round(x * 100) / 100;
        seat.y = std::round(y * 100) / 100;
        seat.tier = tier;
        m_venue.seats.append(seat);
    }

    DemoCatalog::Venue m_venue;
};

DemoCatalog::Venue hall()
{
    // Hanbit Hall: a 500-seat recital hall, stage at y = 0.
    VenueBuilder b(u"hanbit-hall"_s, u"Hanbit Concert Hall"_s);
    b.block(u"CF"_s, u"Centre Front"_s, u"VIP"_s, -4.2, 3, 6, 16, true);
    b.block(u"CB"_s, u"Centre Back"_s, u"R"_s, -4.2, 3 + 6 * RowDepth + 1.2, 6, 16, true);
    b.block(u"L"_s, u"Left"_s, u"S"_s, -10.0, 3, 12, 8, true);
    b.block(u"R"_s, u"Right"_s, u"S"_s, 5.8, 3, 12, 8, true);
    b.block(u"BAL"_s, u"Balcony"_s, u"A"_s, -7.6, 19, 4, 29, true);
    return b.take();
}

DemoCatalog::Venue arena()
{
    // Gangbyeon Arena: ~15,000 seats; floor blocks in front of the stage, two bowls.
    VenueBuilder b(u"gangbyeon-arena"_s, u"Gangbyeon Arena"_s);
    const QStringList floorIds{u"FA"_s, u"FB"_s, u"FC"_s, u"FD"_s};
    for (int i = 0; i < 4; ++i) {
        const int col = i % 2, line = i / 2;
        b.block(floorIds[i], u"Floor "_s + floorIds[i].mid(1), line == 0 ? u"VIP"_s : u"R"_s,
                -16.5 + col * 17, -22 + line * 24, 25, 30);
    }
    b.ring(101, 0, 0, 38, 20, 135, 16, [](double a) { return std::fabs(a) > 70 ? u"R"_s : u"S"_s; }, u"Lower"_s);
    b.ring(201, 0, 0, 58, 8, 135, 16, [](double a) { return std::fabs(a) > 70 ? u"A"_s : u"B"_s; }, u"Upper"_s);
    return b.take();
}

DemoCatalog::Venue stadium()
{
    // Hangang Stadium: ~60,000 seats; 12 floor blocks, a lower and an upper bowl.
    VenueBuilder b(u"hangang-stadium"_s, u"Hangang Stadium"_s);
    for (int i = 0; i < 12; ++i) {
        const int col = i % 3, line = i / 3;
        b.block(u"F"_s + QString::number(i + 1), u"Floor "_s + QString::number(i + 1),
                line == 0 ? u"VIP"_s : u"R"_s, -34 + col * 23, -48 + line * 24.5, 25, 40);
    }
    b.ring(101, 0, 0, 75, 26, 135, 24, [](double a) { return std::fabs(a) > 75 ? u"R"_s : u"S"_s; }, u"Lower"_s);
    b.ring(201, 0, 0, 101, 34, 135, 30, [](double a) { return std::fabs(a) > 75 ? u"A"_s : u"B"_s; }, u"Upper"_s);
    return b.take();
}

QList<Tier> pricing(const QList<Section> &sections, int percent)
{
    // Base prices (KRW) per tier, scaled per concert; only the tiers the venue uses.
    static const QList<QPair<QString, qint64>> base{
        {u"VIP"_s, 198000}, {u"R"_s, 165000}, {u"S"_s, 143000}, {u"A"_s, 121000}, {u"B"_s, 99000}};
    QList<Tier> tiers;
    for (const auto &entry : base) {
        const QString &id = entry.first;
        const qint64 price = entry.second;
        if (std::none_of(sections.cbegin(), sections.cend(), [&](const Section &s) { return s.tier == id; }))
            continue;
        const qint64 scaled = (price * percent / 100 + 500) / 1000 * 1000;
        tiers.append({id, id == u"VIP" ? u"VIP"_s : id + u" seat", {scaled, u"KRW"_s}});
    }
    return tiers;
}

} // namespace

const DemoCatalog::Venue *DemoCatalog::venue(const QString &id) const
{
    for (const Venue &v : venues)
        if (v.id == id)
            return &v;
    return nullptr;
}

DemoCatalog DemoCatalog::build(const QDateTime &nowInput)
{
    // Whole minutes, so the same `now` within a minute gives the same catalog.
    const QDateTime now = QDateTime::fromSecsSinceEpoch(nowInput.toSecsSinceEpoch() / 60 * 60, Qt::UTC);
    DemoCatalog c;
    c.venues = {hall(), arena(), stadium()};

    // What each concert's sale looks like so far.
    struct SaleShape
    {
        double soldFraction;   // of each on-sale performance
        double spanMinutes;    // how long those sales took (front-loaded)
    };
    struct Spec
    {
        const char16_t *id, *title, *artist, *genre, *venue;
        int pricePercent;
        int performances;
        int firstShowDays;   // days from now to the first show
        int salesOpenDays;   // days from now sales open (negative: on sale already)
        SaleShape sale;
    };
    static const Spec specs[] = {
        {u"aurora-world-tour", u"AURORA World Tour: Neon Tides", u"AURORA", u"K-pop", u"hangang-stadium", 110, 2, 24, -3, {0.78, 60 * 24 * 2.5}},
        {u"lumen-seoul-live", u"Lumen: Seoul Live 2027", u"Lumen", u"Pop", u"hangang-stadium", 100, 2, 61, 4, {0, 0}},
        {u"haneul-encore", u"하늘 앙코르 콘서트", u"하늘 (Haneul)", u"Ballad", u"gangbyeon-arena", 90, 3, 17, -6, {0.64, 60 * 24 * 5}},
        {u"ironclad-reunion", u"Ironclad Reunion Tour", u"Ironclad", u"Rock", u"gangbyeon-arena", 95, 2, 30, -2, {0.41, 60 * 24 * 1.5}},
        {u"starlight-seven", u"STARLIGHT7 Fan Concert", u"STARLIGHT7", u"K-pop", u"gangbyeon-arena", 100, 2, 12, -1, {0.97, 45}},
        {u"midnight-bass", u"Midnight Bass Festival", u"DJ Soma", u"EDM", u"gangbyeon-arena", 80, 1, 45, 2, {0, 0}},
        {u"trot-king", u"트로트의 밤", u"임영호 (Lim Young-ho)", u"Trot", u"gangbyeon-arena", 85, 2, 20, -4, {0.55, 60 * 24 * 3}},
        {u"seoul-phil-newyear", u"Seoul Philharmonic New Year Gala", u"Seoul Philharmonic", u"Classical", u"hanbit-hall", 60, 3, 38, -5, {0.35, 60 * 24 * 4}},
        {u"jazz-after-dark", u"Jazz After Dark", u"Min-ji Park Quartet", u"Jazz", u"hanbit-hall", 45, 3, 9, -8, {0.72, 60 * 24 * 7}},
        {u"indie-bloom", u"Indie Bloom: 봄의 소리", u"Moonlight Radio", u"Indie", u"hanbit-hall", 40, 2, 26, -2, {0.18, 60 * 24 * 2}},
        {u"echo-solo", u"ECHO Solo Recital", u"ECHO", u"Hip-hop", u"hanbit-hall", 55, 3, 14, -1, {1.0, 4.5}},
        {u"winter-musical", u"Winter Songs: A Musical Evening", u"Seoul Musical Company", u"Musical", u"hanbit-hall", 70, 2, 50, 9, {0, 0}},
    };

    std::mt19937 rng(20261124);
    std::uniform_real_distribution<double> unit(0, 1);
    int orderSerial = 0;
    for (const Spec &spec : specs) {
        Concert concert;
        concert.id = QString::fromUtf16(spec.id);
        concert.title = QString::fromUtf16(spec.title);
        concert.artist = QString::fromUtf16(spec.artist);
        concert.genre = QString::fromUtf16(spec.genre);
        concert.venueId = QString::fromUtf16(spec.venue);
        const Venue *v = c.venue(concert.venueId);
        concert.tiers = pricing(v->sections, spec.pricePercent);
        QHash<QString, qint64> priceOf;
        for (const Tier &t : std::as_const(concert.tiers))
            priceOf.insert(t.id, t.price.amount);

        const QDateTime salesOpen = now.addDays(spec.salesOpenDays).addSecs(-now.time().msecsSinceStartOfDay() / 1000 + 11 * 3600);
        for (int p = 0; p < spec.performances; ++p) {
            Performance perf;
            perf.id = concert.id + u"-p"_s + QString::number(p + 1);
            // Shows at 19:00 KST (10:00 UTC), on consecutive evenings.
            const QDate day = now.date().addDays(spec.firstShowDays + p);
            perf.startsAt = QDateTime(day, QTime(10, 0), Qt::UTC);
            perf.salesOpenAt = salesOpen.toUTC();
            concert.performances.append(perf);

            if (spec.sale.soldFraction <= 0 || perf.salesOpenAt > now)
                continue;
            // Sales in groups of 1-4 neighbouring seats, better tiers first, front-loaded in time.
            struct Group { int first, size; double key; };
            QList<Group> groups;
            for (int i = 0; i < v->seats.size();) {
                const int size = 1 + int(unit(rng) * 4);
                const int n = std::min<int>(size, int(v->seats.size()) - i);
                const int tierRank = int(concert.tiers.indexOf(
                    *std::find_if(concert.tiers.cbegin(), concert.tiers.cend(),
                                  [&](const Tier &t) { return t.id == v->seats[i].tier; })));
                groups.append({i, n, unit(rng) + 0.25 * tierRank});
                i += n;
            }
            std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
            const int target = int(std::lround(spec.sale.soldFraction * double(v->seats.size())));
            const qint64 spanMs = qint64(spec.sale.spanMinutes * 60'000);
            int sold = 0;
            for (const Group &g : std::as_const(groups)) {
                if (sold >= target)
                    break;
                Order order;
                order.id = u"demo-o"_s + QString::number(++orderSerial);
                order.performanceId = perf.id;
                order.concertId = concert.id;
                for (int k = 0; k < g.size; ++k) {
                    order.seatIndexes.append(g.first + k);
                    order.amount += priceOf.value(v->seats[g.first + k].tier);
                }
                // The last group of a sell-out lands exactly at the end of the span.
                const double t = double(sold) / std::max(1, target);
                const double u = (sold + g.size >= target) ? 1.0 : std::pow(t, 2.2) * (0.9 + 0.1 * unit(rng));
                order.purchasedAt = perf.salesOpenAt.addMSecs(std::min<qint64>(
                    qint64(u * double(spanMs)), perf.salesOpenAt.msecsTo(now) - 1000));
                sold += g.size;
                c.orders.append(order);
            }
        }
        c.concerts.append(concert);
    }
    return c;
}

} // namespace BoxOffice::Server
