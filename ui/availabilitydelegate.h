#pragma once

#include <QStyledItemDelegate>

namespace BoxOffice {

// Paints "1,234 of 15,000" over a bar showing the share still available. The
// text carries the figure, so the colour is never the only cue.
class AvailabilityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace BoxOffice
