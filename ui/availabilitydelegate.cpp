#include "ui/availabilitydelegate.h"

#include "models/concertmodel.h"

#include <QApplication>
#include <QPainter>

namespace BoxOffice {

void AvailabilityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double fraction = qBound(0.0, index.data(ConcertModel::AvailableFractionRole).toDouble(), 1.0);
    const QRect bar = opt.rect.adjusted(4, opt.rect.height() / 2 + 5, -4, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(opt.palette.color(QPalette::Mid).lighter(130));
    painter->drawRoundedRect(bar, 2, 2);
    // Blue when plenty is left, orange when few: distinguishable with colour-blindness.
    const QColor fill = fraction > 0.25 ? QColor(0x1f, 0x77, 0xb4) : QColor(0xff, 0x7f, 0x0e);
    painter->setBrush(fill);
    QRect done = bar;
    done.setWidth(int(bar.width() * fraction));
    if (done.width() > 0)
        painter->drawRoundedRect(done, 2, 2);
    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                       : opt.palette.color(QPalette::Text));
    const QRect textRect = opt.rect.adjusted(4, 1, -4, -(opt.rect.height() / 2 - 4));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

QSize AvailabilityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height() + 8, option.fontMetrics.height() + 14));
    size.setWidth(qMax(size.width(), 150));
    return size;
}

} // namespace BoxOffice
